using System.Security.Cryptography;

namespace JackrabbitDlm.Engine.Entries;

/// <summary>
/// The identity an entry was made with: the identity name and a SHA-256 digest of its secret.
/// Entries keep the digest, never the secret, so a memory dump or a spilled file reveals nothing.
/// </summary>
public sealed class IdentityStamp
{
    public IdentityStamp(string name, byte[] secretDigest)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(secretDigest);
        Name = name;
        SecretDigest = secretDigest;
    }

    public string Name { get; }

    public byte[] SecretDigest { get; }

    /// <summary>Stamps a secret that has already been checked against its identity file.</summary>
    public static IdentityStamp ForSecret(string name, ReadOnlySpan<byte> secretUtf8) =>
        new(name, SHA256.HashData(secretUtf8));

    /// <summary>True when both stamps name the same identity with the same secret.</summary>
    public bool Matches(IdentityStamp? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && CryptographicOperations.FixedTimeEquals(SecretDigest, other.SecretDigest);
}
