using JackrabbitDlm.Engine.Entries;

namespace JackrabbitDlm.Backends.FileSystem;

/// <summary>An entry as its file holds it.</summary>
/// <param name="Key">The entry key's UTF-8 bytes; the file name is only its hash.</param>
/// <param name="Owner">The owner id's UTF-8 bytes.</param>
/// <param name="Identity">The identity the entry was made with, or null.</param>
/// <param name="ExpiresAtMilliseconds">The expiry in Unix milliseconds.</param>
/// <param name="Token">The fencing token the entry was granted with.</param>
/// <param name="HasValue">True when the entry holds a value.</param>
/// <param name="ValueLength">The value's length in code points.</param>
/// <param name="Value">The value's UTF-8 bytes if read; null when not asked for or absent.</param>
internal sealed record StoredEntry(
    byte[] Key,
    byte[] Owner,
    IdentityStamp? Identity,
    long ExpiresAtMilliseconds,
    long Token,
    bool HasValue,
    int ValueLength,
    byte[]? Value)
{
    public EntryView View() => new(
        Owner, Identity, HasValue, UnixClock.FromMilliseconds(ExpiresAtMilliseconds), Token);
}
