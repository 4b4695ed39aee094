using JackrabbitDlm.Cli.Tests.Infrastructure;
using JackrabbitDlm.Tools;

namespace JackrabbitDlm.Cli.Tests;

public sealed class UsageTests
{
    [Theory]
    [InlineData("lock")]
    [InlineData("lock", "a", "b")]
    [InlineData("lock", "job", "--port", "0")]
    [InlineData("lock", "job", "--port", "65536")]
    [InlineData("lock", "job", "--port", "many")]
    [InlineData("lock", "job", "--ttl", "-1")]
    [InlineData("lock", "job", "--retries", "-1")]
    [InlineData("lock", "job", "--no-such-option")]
    [InlineData("lock", "")]
    [InlineData("put", "job")]
    [InlineData("identity")]
    [InlineData("fight")]
    [InlineData("fight", "0")]
    [InlineData("fight", "10", "--mode", "furious")]
    [InlineData("fight", "10", "--lock-ttl", "0")]
    [InlineData("wars", "0", "10")]
    [InlineData("wars", "8")]
    [InlineData("wars", "2", "10", "--server", "localhost")]
    [InlineData("wars", "2", "10", "--server", "localhost:0")]
    [InlineData("wars", "2", "10", "--server", "127.0.0.1:4000", "--port", "4001")]
    [InlineData("wars", "2", "10", "--server", "127.0.0.1:4000", "--host", "localhost")]
    [InlineData("chart")]
    [InlineData("chart", "--png", "x.png", "--width", "10")]
    [InlineData("no-such-command")]
    public async Task Run_InvalidCommandLine_ExitsWithUsageError(params string[] args)
    {
        var outcome = await Jrdlm.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Contains("--help", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(outcome.Output);
    }

    [Fact]
    public async Task Serve_InvalidSetting_ExitsWithUsageError()
    {
        var outcome = await Jrdlm.RunAsync("serve", "--port", "99999");

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
    }

    [Fact]
    public async Task Help_Root_ListsEveryExitCode()
    {
        var outcome = await Jrdlm.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        foreach (var (code, meaning) in ExitCodes.Table)
        {
            Assert.Contains($"{code,2}  {meaning}", outcome.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("unlock")]
    [InlineData("testlock")]
    [InlineData("get")]
    [InlineData("put")]
    [InlineData("erase")]
    [InlineData("version")]
    public async Task Help_ClientVerb_ShowsTheSharedOptions(string verb)
    {
        var outcome = await Jrdlm.RunAsync(verb, "--help");

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        foreach (var option in new[] { "--host", "--port", "--id", "--ttl", "--name", "--identity-file" })
        {
            Assert.Contains(option, outcome.Output, StringComparison.Ordinal);
        }
    }
}
