namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// Compares entries by key, and lets the table be searched with a request's key bytes directly,
/// so a lookup allocates nothing.
/// </summary>
internal sealed class MemoryEntryComparer
    : IEqualityComparer<MemoryEntry>, IAlternateEqualityComparer<ReadOnlySpan<byte>, MemoryEntry>
{
    public static MemoryEntryComparer Instance { get; } = new();

    public bool Equals(MemoryEntry? x, MemoryEntry? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Key.SequenceEqual(y.Key));

    public int GetHashCode(MemoryEntry obj) => Hash(obj.Key);

    public bool Equals(ReadOnlySpan<byte> alternate, MemoryEntry other) => alternate.SequenceEqual(other.Key);

    public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

    public MemoryEntry Create(ReadOnlySpan<byte> alternate) =>
        throw new NotSupportedException("Entries are made with their owner, never from a key alone.");

    // HashCode is seeded per process, so clients cannot choose keys that collide on purpose.
    private static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = default(HashCode);
        hash.AddBytes(key);
        return hash.ToHashCode();
    }
}
