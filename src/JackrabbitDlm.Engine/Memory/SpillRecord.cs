using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// What is written beside a value kept on disk, so that it can be found again under its real
/// key after a restart (the original files it under the encoded file name and loses it).
/// </summary>
/// <param name="Key">The entry key.</param>
/// <param name="Owner">The owner id.</param>
/// <param name="Identity">The identity the entry was made with, or null.</param>
/// <param name="ExpiresAtUtc">
/// The expiry as a wall-clock time, since a monotonic clock does not survive a restart.
/// </param>
/// <param name="ValueLength">The value's length in code points.</param>
public sealed record SpillRecord(
    EntryKey Key,
    OwnerId Owner,
    IdentityStamp? Identity,
    DateTimeOffset ExpiresAtUtc,
    int ValueLength);
