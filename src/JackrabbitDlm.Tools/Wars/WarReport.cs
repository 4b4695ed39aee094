namespace JackrabbitDlm.Tools.Wars;

/// <summary>How a war ended: every fighter, the counter, and totals.</summary>
public sealed record WarReport
{
    /// <summary>The target.</summary>
    public required long Target { get; init; }

    /// <summary>The counter on the server at the end, or null when it could not be read.</summary>
    public required long? FinalCounter { get; init; }

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
    /// <see cref="ExitCodes.Failure"/> when a fighter failed or the counter is not the target.
    /// </summary>
    public int ExitCode =>
        Violations > 0 ? ExitCodes.Violation
        : Fighters.All(fighter => fighter.Succeeded) && FinalCounter == Target ? ExitCodes.Success
        : ExitCodes.Failure;

    private double PerSecond(long count) =>
        Elapsed > TimeSpan.Zero ? Math.Round(count / Elapsed.TotalSeconds, 1) : 0;
}
