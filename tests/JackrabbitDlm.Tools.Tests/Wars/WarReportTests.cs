using JackrabbitDlm.Tools.Fighting;
using JackrabbitDlm.Tools.Wars;

namespace JackrabbitDlm.Tools.Tests.Wars;

public sealed class WarReportTests
{
    private static WarReport Report(params long?[] finalCounters) => new()
    {
        Target = 50,
        Servers = [.. finalCounters.Select((_, i) => new ServerAddress("127.0.0.1", 4000 + i))],
        FinalCounters = finalCounters,
        Elapsed = TimeSpan.FromSeconds(5),
        Fighters =
        [
            new FighterOutcome(1, 1, 100, ExitCodes.Success, Fought(), string.Empty),
            new FighterOutcome(
                2, finalCounters.Length, 101, ExitCodes.Success, Fought(), string.Empty),
        ],
    };

    private static FightResult Fought() => new()
    {
        Mode = FightMode.Patient,
        ProcessId = 100,
        Tag = "100-0001",
        Target = 50,
        Successes = 30,
        FinalCounter = 50,
    };

    [Fact]
    public void ExitCode_EveryServerAtTarget_IsSuccess()
    {
        var report = Report(50, 50);

        Assert.Equal(ExitCodes.Success, report.ExitCode);
        Assert.Equal(50, report.FinalCounter);
    }

    [Theory]
    [InlineData(50L, 49L)]
    [InlineData(50L, null)]
    [InlineData(49L, 50L)]
    public void ExitCode_OneServerOffTarget_IsFailure(long? first, long? second)
    {
        Assert.Equal(ExitCodes.Failure, Report(first, second).ExitCode);
    }

    [Fact]
    public void ExitCode_ViolationAndCounterOff_IsViolation()
    {
        var report = Report(50, 49) with
        {
            Fighters =
            [
                new FighterOutcome(1, 1, 100, ExitCodes.Violation, Fought() with
                {
                    Violations = [new Violation(ViolationKind.Overlap, "token 7 of 1-a")],
                }, string.Empty),
            ],
        };

        Assert.Equal(ExitCodes.Violation, report.ExitCode);
    }
}
