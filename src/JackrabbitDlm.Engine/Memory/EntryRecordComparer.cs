namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// Compares entry records by key, and lets a shard be searched with a request's key bytes
/// directly, so a lookup allocates nothing.
/// </summary>
internal sealed class EntryRecordComparer
    : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static EntryRecordComparer Instance { get; } = new();

    public bool Equals(byte[]? x, byte[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && EntryRecord.KeyOf(x).SequenceEqual(EntryRecord.KeyOf(y)));

    public int GetHashCode(byte[] obj) => Hash(EntryRecord.KeyOf(obj));

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(EntryRecord.KeyOf(other));

    public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

    public byte[] Create(ReadOnlySpan<byte> alternate) =>
        throw new NotSupportedException("Entries are made with their owner, never from a key alone.");

    /// <summary>The key's hash; HashCode is seeded per process, so clients cannot pick colliding keys.</summary>
    public static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = default(HashCode);
        hash.AddBytes(key);
        return hash.ToHashCode();
    }
}
