using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Tools.Tests.Fighting;

public sealed class FightResultTests
{
    private static FightResult Sample() => new()
    {
        Mode = FightMode.Chaos,
        ProcessId = 4321,
        Tag = "4321-00ff",
        Target = 300,
        ElapsedSeconds = 12.5,
        Failures = 25,
        Successes = 75,
        Reads = 160,
        Writes = 90,
        Killed = 40,
        FinalCounter = 300,
    };

    [Fact]
    public void SummaryLine_Sample_HasTheOriginalColumns()
    {
        Assert.Equal("C     4321 12.50000000  25  75 160  90 25.00  40 300", Sample().SummaryLine());
    }

    [Fact]
    public void ContentionPercent_NoFailures_IsZero()
    {
        Assert.Equal(0, (Sample() with { Failures = 0 }).ContentionPercent);
    }

    [Fact]
    public void ToJson_Sample_RoundTripsWithViolations()
    {
        var result = Sample() with
        {
            Violations = [new Violation(ViolationKind.Overlap, "token 5 of 1-a")],
            Error = "gave up",
        };

        var read = FightResult.FromJson(result.ToJson());

        Assert.NotNull(read);
        Assert.Equal(result.SummaryLine(), read.SummaryLine());
        Assert.Equal(result.Violations, read.Violations);
        Assert.Equal("gave up", read.Error);
        Assert.Contains("\"Mode\":\"Chaos\"", result.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1]")]
    public void FromJson_NotAResult_IsNull(string json)
    {
        Assert.Null(FightResult.FromJson(json));
    }

    [Fact]
    public void ExitCode_CleanRunToTarget_IsSuccess()
    {
        Assert.Equal(ExitCodes.Success, Sample().ExitCode);
    }

    [Fact]
    public void ExitCode_Violation_IsViolationEvenWithOtherFailures()
    {
        var result = Sample() with
        {
            Violations = [new Violation(ViolationKind.LostIncrement, "wrote 5, read back 4")],
            Error = "gave up",
        };

        Assert.Equal(ExitCodes.Violation, result.ExitCode);
    }

    [Fact]
    public void ExitCode_ShortOfTarget_IsFailure()
    {
        Assert.Equal(ExitCodes.Failure, (Sample() with { FinalCounter = 299 }).ExitCode);
    }

    [Fact]
    public void ExitCode_OversizedAnonymousValueStored_IsFailure()
    {
        Assert.Equal(ExitCodes.Failure, (Sample() with { AnonymousJunkAccepted = 1 }).ExitCode);
    }
}
