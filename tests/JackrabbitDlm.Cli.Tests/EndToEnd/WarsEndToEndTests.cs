using JackrabbitDlm.Cli.Tests.Infrastructure;
using JackrabbitDlm.Tools;
using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Cli.Tests.EndToEnd;

/// <summary>
/// <c>jrdlm wars</c> with real fighter processes against a real server. It runs alone: eight
/// processes are enough load for a two-core runner.
/// </summary>
[Collection(nameof(WarsEndToEndTests))]
public sealed class WarsEndToEndTests : IAsyncLifetime
{
    private RealServer _server = null!;

    public async Task InitializeAsync() => _server = await RealServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Wars_EightFighters_ReachTargetExactlyWithoutViolations()
    {
        await Jrdlm.RunAsync("identity", "wars", "--base", _server.BaseDirectory, "--max-size", "65536");

        var outcome = await Jrdlm.RunAsync(
            "wars", "8", "300",
            "--name", "wars",
            "--base", _server.BaseDirectory,
            "--time-limit", "240",
            "--port", _server.PortText);

        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.Output + outcome.Error);
        Assert.Contains("target 300, final counter 300, 8 fighters", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("violations 0", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("result: passed", outcome.Output, StringComparison.Ordinal);
        var counter = await FightEntries.TryReadCounterAsync(new FightOptions { Target = 300, Port = _server.Port });
        Assert.Equal(300, counter);
    }

    [Fact]
    public async Task Wars_ServersNotSharingABackend_FailsBeforeStartingFighters()
    {
        await using var other = await RealServer.StartAsync();

        var outcome = await Jrdlm.RunAsync(
            "wars", "2", "5",
            "--server", $"127.0.0.1:{_server.PortText}",
            "--server", $"127.0.0.1:{other.PortText}");

        var unseen = $"the server 127.0.0.1:{other.PortText} does not see what "
            + $"127.0.0.1:{_server.PortText} stored";
        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Contains(unseen, outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("result:", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wars_NoServer_FailsBeforeStartingFighters()
    {
        var outcome = await Jrdlm.RunAsync("wars", "2", "5", "--port", ClosedPort.Next());

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Contains("cannot reach the server", outcome.Error, StringComparison.Ordinal);
    }
}
