using System.Text.Json;
using JackrabbitDlm.Cli.Tests.Infrastructure;
using JackrabbitDlm.Client;
using JackrabbitDlm.Tools;
using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Cli.Tests.EndToEnd;

/// <summary>Single fighters against a real server, and the violations they must catch.</summary>
public sealed class FightEndToEndTests : IAsyncLifetime
{
    private RealServer _server = null!;

    public async Task InitializeAsync() => _server = await RealServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Fight_Alone_ReachesTargetAndReportsAsTheOriginal()
    {
        var outcome = await Jrdlm.RunAsync(
            "fight", "10", "--mode", "aggressive", "--prefix", "solo", "--reset", "--port", _server.PortText);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        var columns = outcome.OutputLines.Single().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, columns.Length);
        Assert.Equal("A", columns[0]);
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), columns[1]);
        Assert.Equal("10", columns[^1]);
    }

    [Fact]
    public async Task Fight_Json_ReportsJunkRefusedAndFencesChecked()
    {
        var outcome = await Jrdlm.RunAsync(
            "fight", "5", "--json", "--prefix", "json", "--reset", "--port", _server.PortText);

        var result = FightResult.FromJson(outcome.OutputLines.Single());
        Assert.NotNull(result);
        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal(5, result.FinalCounter);
        Assert.True(result.FencingChecked);
        Assert.Equal(result.Successes, result.Killed);
        Assert.Equal(0, result.AnonymousJunkAccepted);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public async Task Fight_FenceHoldsANewerForeignToken_ReportsOverlap()
    {
        var fight = new FightOptions { Target = 1, KeyPrefix = "fenced", Port = _server.Port };
        using var fence = new Locker(fight.FenceKey, _server.ClientOptions(fight.EffectiveDataOwnerId));
        await fence.PutAsync(TimeSpan.FromMinutes(5), new FencingRecord(long.MaxValue / 2, "rogue-1").Format());

        var outcome = await Jrdlm.RunAsync(
            "fight", "1", "--json", "--locks-only", "--prefix", "fenced", "--port", _server.PortText);

        Assert.Equal(ExitCodes.Violation, outcome.ExitCode);
        var result = FightResult.FromJson(outcome.OutputLines.Single())!;
        var violation = Assert.Single(result.Violations);
        Assert.Equal(ViolationKind.Overlap, violation.Kind);
        Assert.Contains("rogue-1", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fight_CounterResetBehindItsBack_ReportsLostIncrement()
    {
        var fight = new FightOptions { Target = 1000, KeyPrefix = "rogue", Port = _server.Port };
        using var stop = new CancellationTokenSource();
        var rogue = Task.Run(async () =>
        {
            // Writes 0 without the lock, as a client that ignores it would.
            using var counter = new Locker(fight.CounterKey, _server.ClientOptions(fight.EffectiveDataOwnerId));
            while (!stop.IsCancellationRequested)
            {
                await counter.PutAsync(TimeSpan.FromMinutes(5), "0");
                await Task.Delay(5);
            }
        });

        var outcome = await Jrdlm.RunAsync(
            "fight", "1000", "--json", "--locks-only", "--time-limit", "3",
            "--prefix", "rogue", "--port", _server.PortText);
        await stop.CancelAsync();
        await rogue;

        Assert.Equal(ExitCodes.Violation, outcome.ExitCode);
        var result = FightResult.FromJson(outcome.OutputLines.Single())!;
        Assert.Contains(result.Violations, v => v.Kind == ViolationKind.LostIncrement);
    }

    [Fact]
    public async Task Fight_NoServer_FailsWithAClearError()
    {
        var outcome = await Jrdlm.RunAsync("fight", "5", "--json", "--port", ClosedPort.Next());

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        var result = FightResult.FromJson(outcome.OutputLines.Single())!;
        Assert.Contains("no JackrabbitDLM server", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fight_JsonOutput_IsOneObjectOnOneLine()
    {
        var outcome = await Jrdlm.RunAsync(
            "fight", "2", "--json", "--locks-only", "--prefix", "oneline", "--reset", "--port", _server.PortText);

        using var document = JsonDocument.Parse(outcome.OutputLines.Single());
        Assert.Equal("Patient", document.RootElement.GetProperty("Mode").GetString());
    }
}
