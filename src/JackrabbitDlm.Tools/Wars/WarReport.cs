namespace JackrabbitDlm.Tools.Wars;

/// <summary>How a war ended: every fighter, the counter, and totals.</summary>
public sealed record WarReport
{
    /// <summary>The target.</summary>
    public required long Target { get; init; }

    /// <summary>The servers fought through; a fighter's server number counts from 1 here.</summary>
    public required IReadOnlyList<ServerAddress> Servers { get; init; }

    /// <summary>
    /// The counter at the end as read through each server, in the order of
    /// <see cref="Servers"/>; null where it could not be read.
    /// </summary>
    public required IReadOnlyList<long?> FinalCounters { get; init; }

    /// <summary>The counter at the end through the first server, or null when unreadable.</summary>
    public long? FinalCounter => FinalCounters.Count > 0 ? FinalCounters[0] : null;

    /// <summary>Wall-clock time from the start of the fighters to the end of the last.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Every fighter, by number.</summary>
    public required IReadOnlyList<FighterOutcome> Fighters { get; init; }

    /// <summary>Lock attempts won, by all fighters.</summary>
    public long Successes => Fighters.Sum(fighter => fighter.Result?.Successes ?? 0);

    /// <summary>Lock attempts lost, by all fighters.</summary>
    public long Failures => Fighters.Sum(fighter => fighter.Result?.Failures ?? 0);

    /// <summary>Lost attempts as a share of all attempts, in percent.</summary>
    public double ContentionPercent =>
        Failures == 0 ? 0 : Math.Round(100.0 * Failures / (Successes + Failures), 2);

    /// <summary>Violations reported by all fighters.</summary>
    public int Violations => Fighters.Sum(fighter => fighter.ViolationCount);

    /// <summary>Locks granted per second.</summary>
    public double LocksPerSecond => PerSecond(Successes);

    /// <summary>Counter increments per second.</summary>
    public double IncrementsPerSecond => PerSecond(FinalCounter ?? 0);

    /// <summary>
    /// The exit code: <see cref="ExitCodes.Violation"/> when any fighter saw one, else
    /// <see cref="ExitCodes.Failure"/> when a fighter failed or the counter, through any server,
    /// is not the target.
    /// </summary>
    public int ExitCode =>
        Violations > 0 ? ExitCodes.Violation
        : Fighters.All(fighter => fighter.Succeeded) && CounterReachedTarget ? ExitCodes.Success
        : ExitCodes.Failure;

    // Servers sharing one backend must all read the same counter; one that reads another value
    // (or none) fails the war even when the fighters saw nothing wrong.
    private bool CounterReachedTarget =>
        FinalCounters.Count > 0 && FinalCounters.All(counter => counter == Target);

    private double PerSecond(long count) =>
        Elapsed > TimeSpan.Zero ? Math.Round(count / Elapsed.TotalSeconds, 1) : 0;
}
