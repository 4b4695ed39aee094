namespace JackrabbitDlm.Engine.Entries;

/// <summary>
/// What the rules need to know of a stored entry. Backends build it over their own storage; the
/// owner bytes may be a slice of a larger buffer, so the view must not outlive the backend's lock.
/// </summary>
/// <param name="Owner">The owner id's UTF-8 bytes.</param>
/// <param name="Identity">The identity the entry was made with, or null for an anonymous entry.</param>
/// <param name="HasValue">True when the entry holds a value (made or updated by <c>Put</c>).</param>
/// <param name="ExpiresAt">When the entry expires, on the backend's clock.</param>
/// <param name="Token">The fencing token the entry was granted with.</param>
public readonly record struct EntryView(
    ReadOnlyMemory<byte> Owner,
    IdentityStamp? Identity,
    bool HasValue,
    TimeSpan ExpiresAt,
    long Token);
