namespace JackrabbitDlm.Protocol.Wire;

/// <summary>Content equality and hashing for the UTF-8 byte arrays behind the wire's text fields.</summary>
internal static class Utf8Bytes
{
    public static bool ContentEquals(byte[]? left, byte[]? right) =>
        ReferenceEquals(left, right) || (left is not null && right is not null && left.AsSpan().SequenceEqual(right));

    // HashCode is seeded per process, so a client cannot pick keys that collide on purpose.
    public static int ContentHash(ReadOnlySpan<byte> bytes)
    {
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    public static string Describe(byte[]? bytes) =>
        bytes is null ? string.Empty : System.Text.Encoding.UTF8.GetString(bytes);
}
