namespace JackrabbitDlm.Client;

/// <summary>How a lock taken through <see cref="DlmClient"/> is held.</summary>
public sealed record DlmLockOptions
{
    /// <summary>
    /// True to renew the lock in the background, every <see cref="RenewalCadence"/>, until the
    /// handle is disposed or the lock is lost. A failed renewal is tried again at the next turn.
    /// </summary>
    public bool AutoRenew { get; init; }

    /// <summary>
    /// The time between automatic renewals; null for a third of the TTL. Must be below the TTL.
    /// </summary>
    public TimeSpan? RenewalCadence { get; init; }

    /// <summary>
    /// The owner id to lock with. Null makes a new random one for each acquisition, so two
    /// acquisitions of one key exclude each other even inside one process. Give one to take over a
    /// lock an earlier process held under that id.
    /// </summary>
    public string? OwnerId { get; init; }
}
