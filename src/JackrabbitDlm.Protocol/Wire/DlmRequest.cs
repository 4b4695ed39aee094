namespace JackrabbitDlm.Protocol.Wire;

/// <summary>
/// A request as read off the wire, with every field of the right JSON type. The limits of the
/// server (sizes, TTL cap, identities) are checked later, by the engine's validator.
/// </summary>
public sealed class DlmRequest
{
    /// <summary>The requester's owner token (wire <c>ID</c>).</summary>
    public required OwnerId Owner { get; init; }

    /// <summary>The entry the request is about (wire <c>FileName</c>).</summary>
    public required EntryKey Key { get; init; }

    /// <summary>The entry key's length in Unicode code points.</summary>
    public int KeyLength { get; init; }

    /// <summary>The owner id's length in Unicode code points.</summary>
    public int OwnerLength { get; init; }

    /// <summary>The action, or null when the wire name is not one the server knows.</summary>
    public required DlmAction? Action { get; init; }

    /// <summary>The requested time to live in seconds (wire <c>Expire</c>); finite, maybe negative.</summary>
    public required double TtlSeconds { get; init; }

    /// <summary>The UTF-8 bytes of the value (wire <c>DataStore</c>), or null when absent or JSON null.</summary>
    public byte[]? Value { get; init; }

    /// <summary>The value's length in Unicode code points, as the size limits count it.</summary>
    public int ValueLength { get; init; }

    /// <summary>The identity name (wire <c>Name</c>), or null for an anonymous request.</summary>
    public string? IdentityName { get; init; }

    /// <summary>The identity secret (wire <c>Identity</c>) as UTF-8, or null when absent.</summary>
    public byte[]? IdentitySecret { get; init; }

    /// <summary>The secret's length in Unicode code points.</summary>
    public int IdentitySecretLength { get; init; }

    /// <summary>True when the request asked to keep the connection open (extension <c>KeepAlive</c>).</summary>
    public bool KeepAlive { get; init; }
}
