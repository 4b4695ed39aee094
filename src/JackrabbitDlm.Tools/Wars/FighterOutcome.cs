using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Tools.Wars;

/// <summary>How one fighter process ended.</summary>
/// <param name="Index">The fighter's number in the war, from 1.</param>
/// <param name="ServerNumber">
/// The number, from 1, of the server it fought through in <see cref="WarReport.Servers"/>.
/// </param>
/// <param name="ProcessId">Its process id.</param>
/// <param name="ExitCode">Its exit code; -1 when it was killed for running too long.</param>
/// <param name="Result">Its report, or null when it printed none.</param>
/// <param name="ErrorOutput">The last lines it wrote to standard error.</param>
public sealed record FighterOutcome(
    int Index,
    int ServerNumber,
    int ProcessId,
    int ExitCode,
    FightResult? Result,
    string ErrorOutput)
{
    /// <summary>True when the fighter reported, reached the target and saw nothing wrong.</summary>
    public bool Succeeded => ExitCode == ExitCodes.Success && Result is { ExitCode: ExitCodes.Success };

    /// <summary>The violations it reported.</summary>
    public int ViolationCount => Result?.Violations.Count ?? 0;
}
