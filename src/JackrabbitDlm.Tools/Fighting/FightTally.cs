namespace JackrabbitDlm.Tools.Fighting;

/// <summary>The running counts of one fighter; used by its own task only.</summary>
internal sealed class FightTally
{
    public long Failures { get; set; }

    public long Successes { get; set; }

    public long Reads { get; set; }

    public long Writes { get; set; }

    public long Killed { get; set; }

    public long ConnectionErrors { get; set; }

    public long JunkStored { get; set; }

    public long IdentityJunkRefused { get; set; }

    public long AnonymousJunkAccepted { get; set; }

    public long LeasesExpired { get; set; }

    public bool FencingChecked { get; set; }

    /// <summary>The last counter value read under the lock.</summary>
    public long Counter { get; set; }

    /// <summary>The last counter value this fighter wrote; the counter never goes below it.</summary>
    public long LastWritten { get; set; }

    public List<Violation> Violations { get; } = [];

    public FightResult ToResult(FightOptions options, string tag, TimeSpan elapsed, string? error) => new()
    {
        Mode = options.Mode,
        ProcessId = Environment.ProcessId,
        Tag = tag,
        Target = options.Target,
        ElapsedSeconds = elapsed.TotalSeconds,
        Failures = Failures,
        Successes = Successes,
        Reads = Reads,
        Writes = Writes,
        Killed = Killed,
        FinalCounter = Counter,
        ConnectionErrors = ConnectionErrors,
        JunkStored = JunkStored,
        IdentityJunkRefused = IdentityJunkRefused,
        AnonymousJunkAccepted = AnonymousJunkAccepted,
        LeasesExpired = LeasesExpired,
        FencingChecked = FencingChecked,
        Violations = Violations.ToArray(),
        Error = error,
    };
}
