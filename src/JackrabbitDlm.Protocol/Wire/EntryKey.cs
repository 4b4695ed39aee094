namespace JackrabbitDlm.Protocol.Wire;

/// <summary>
/// The name of an entry (wire field <c>FileName</c>), held as its UTF-8 bytes so the server never
/// needs to turn it into a string. Equality compares content.
/// </summary>
public readonly struct EntryKey : IEquatable<EntryKey>
{
    private readonly byte[]? _utf8;

    /// <summary>Wraps UTF-8 bytes; the array must not be changed afterwards.</summary>
    public EntryKey(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        _utf8 = utf8;
    }

    /// <summary>The key's UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8;

    /// <summary>The array behind <see cref="Utf8"/>, for storage layers that keep it as is.</summary>
    public byte[] Utf8Array => _utf8 ?? [];

    /// <summary>Makes a key from text.</summary>
    /// <exception cref="System.Text.EncoderFallbackException">The text holds a lone surrogate.</exception>
    public static EntryKey FromString(string key) => new(Encoding.Utf8Strict.GetBytes(key));

    /// <inheritdoc />
    public bool Equals(EntryKey other) => Utf8Bytes.ContentEquals(_utf8 ?? [], other._utf8 ?? []);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EntryKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Utf8Bytes.ContentHash(_utf8);

    /// <summary>The key as text.</summary>
    public override string ToString() => Utf8Bytes.Describe(_utf8);

    /// <summary>Content equality.</summary>
    public static bool operator ==(EntryKey left, EntryKey right) => left.Equals(right);

    /// <summary>Content inequality.</summary>
    public static bool operator !=(EntryKey left, EntryKey right) => !left.Equals(right);
}
