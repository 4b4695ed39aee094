namespace JackrabbitDlm.Tools.Fighting;

/// <summary>What a fighter fights for and how.</summary>
public sealed record FightOptions
{
    /// <summary>The counter value at which the fight ends; at least 1.</summary>
    public required long Target { get; init; }

    /// <summary>How the lock is tried.</summary>
    public FightMode Mode { get; init; } = FightMode.Patient;

    /// <summary>True to leave out the junk traffic and fight over the lock only.</summary>
    public bool LocksOnly { get; init; }

    /// <summary>The server's host name or address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The server's TCP port.</summary>
    public int Port { get; init; } = 37373;

    /// <summary>The identity name for half of the junk traffic; null sends all of it anonymously.</summary>
    public string? IdentityName { get; init; }

    /// <summary>The identity secret that goes with <see cref="IdentityName"/>.</summary>
    public string? IdentitySecret { get; init; }

    /// <summary>The identity's size limit in characters, which its junk values stay under.</summary>
    public long IdentityMaxSize { get; init; } = 16384;

    /// <summary>
    /// The start of every entry key of the fight: <c>&lt;prefix&gt;:lock</c>,
    /// <c>&lt;prefix&gt;:counter</c>, <c>&lt;prefix&gt;:fence</c>, <c>&lt;prefix&gt;:junk:...</c>.
    /// </summary>
    public string KeyPrefix { get; init; } = "fight";

    /// <summary>
    /// The owner id of the counter and fence entries, which every fighter of one war must share;
    /// null derives it from the counter's key.
    /// </summary>
    public string? DataOwnerId { get; init; }

    /// <summary>How long a lock lives unless released.</summary>
    public TimeSpan LockTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the counter and fence values live after each write.</summary>
    public TimeSpan DataTtl { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>The longest the fight may last before it gives up.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>True to ask the server to keep connections open between requests.</summary>
    public bool KeepAlive { get; init; }

    /// <summary>The lock's entry key.</summary>
    public string LockKey => KeyPrefix + ":lock";

    /// <summary>The counter's entry key.</summary>
    public string CounterKey => KeyPrefix + ":counter";

    /// <summary>The entry key of the last holder's fencing token.</summary>
    public string FenceKey => KeyPrefix + ":fence";

    /// <summary>The owner id of the shared counter and fence entries.</summary>
    public string EffectiveDataOwnerId => DataOwnerId ?? "fight-data:" + CounterKey;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ToolException">A value is out of range.</exception>
    public void Validate()
    {
        if (Target < 1)
        {
            throw new ToolException($"the target must be at least 1, not {Target}");
        }

        if (string.IsNullOrEmpty(KeyPrefix))
        {
            throw new ToolException("the key prefix must not be empty");
        }

        if (LockTtl <= TimeSpan.Zero || DataTtl <= TimeSpan.Zero || TimeLimit <= TimeSpan.Zero)
        {
            throw new ToolException("the lock TTL, data TTL and time limit must be above zero");
        }

        if (IdentityName is not null && IdentitySecret is null)
        {
            throw new ToolException("an identity name needs its secret");
        }
    }
}
