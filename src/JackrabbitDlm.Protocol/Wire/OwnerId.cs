namespace JackrabbitDlm.Protocol.Wire;

/// <summary>
/// The owner token of a requester (wire field <c>ID</c>), held as its UTF-8 bytes. Equality compares
/// content. <see cref="ToString"/> shows only a prefix, so logs never carry a whole owner id.
/// </summary>
public readonly struct OwnerId : IEquatable<OwnerId>
{
    private const int ShownPrefixLength = 6;

    private readonly byte[]? _utf8;

    /// <summary>Wraps UTF-8 bytes; the array must not be changed afterwards.</summary>
    public OwnerId(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        _utf8 = utf8;
    }

    /// <summary>The owner id's UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8;

    /// <summary>The array behind <see cref="Utf8"/>, for storage layers that keep it as is.</summary>
    public byte[] Utf8Array => _utf8 ?? [];

    /// <summary>Makes an owner id from text.</summary>
    /// <exception cref="System.Text.EncoderFallbackException">The text holds a lone surrogate.</exception>
    public static OwnerId FromString(string id) => new(Encoding.Utf8Strict.GetBytes(id));

    /// <summary>The whole owner id as text.</summary>
    public string ToFullString() => Utf8Bytes.Describe(_utf8);

    /// <inheritdoc />
    public bool Equals(OwnerId other) => Utf8Bytes.ContentEquals(_utf8 ?? [], other._utf8 ?? []);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OwnerId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Utf8Bytes.ContentHash(_utf8);

    /// <summary>A short prefix of the owner id followed by an ellipsis, safe to log.</summary>
    public override string ToString()
    {
        var full = ToFullString();
        if (full.Length <= ShownPrefixLength)
        {
            return full;
        }

        // Never cut a surrogate pair in half: a lone surrogate cannot be written to a UTF-8 log.
        var length = char.IsHighSurrogate(full[ShownPrefixLength - 1])
            ? ShownPrefixLength - 1
            : ShownPrefixLength;
        return string.Concat(full.AsSpan(0, length), "…");
    }

    /// <summary>Content equality.</summary>
    public static bool operator ==(OwnerId left, OwnerId right) => left.Equals(right);

    /// <summary>Content inequality.</summary>
    public static bool operator !=(OwnerId left, OwnerId right) => !left.Equals(right);
}
