using System.Text;
using JackrabbitDlm.Cli.Tests.Infrastructure;
using JackrabbitDlm.Client;
using JackrabbitDlm.Tools;

namespace JackrabbitDlm.Cli.Tests.EndToEnd;

/// <summary>The client verbs against a real server on 127.0.0.1, beside the client library.</summary>
public sealed class ClientVerbsEndToEndTests : IAsyncLifetime
{
    // Text that trips up shells, JSON and line-based tools alike.
    private const string AwkwardValue = "line 1\nline 2\r\n\t\"quoted\" \\ back\u00e9 \u2603 \U0001F600 {\"json\": 1}";

    private RealServer _server = null!;

    public async Task InitializeAsync() => _server = await RealServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Put_ByCli_ReadsBackByLockerExactly()
    {
        var outcome = await Jrdlm.RunAsync("put", "e2e:a", AwkwardValue, "--id", "owner-a", "--port", _server.PortText);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        using var locker = new Locker("e2e:a", _server.ClientOptions("owner-a"));
        var read = await locker.GetAsync();
        Assert.Equal("Done", read.StatusWord);
        Assert.Equal(AwkwardValue, read.Value);
    }

    [Fact]
    public async Task Put_ByClient_ReadsBackByCliRawExactly()
    {
        using var client = new DlmClient(_server.ClientOptions("owner-b"));
        Assert.True(await client.PutAsync("e2e:b", AwkwardValue, TimeSpan.FromMinutes(1)));

        var outcome = await Jrdlm.RunAsync("get", "e2e:b", "--raw", "--id", "owner-b", "--port", _server.PortText);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal(AwkwardValue, outcome.Output);
    }

    [Fact]
    public async Task PutFromStandardInput_ChildProcess_StoresTheBytesPipedIn()
    {
        var bytes = Encoding.UTF8.GetBytes(AwkwardValue + "\n");

        var (exitCode, output) = await ChildJrdlm.RunAsync(
            bytes, "put", "e2e:c", "-", "--id", "owner-c", "--port", _server.PortText);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("Done", Encoding.UTF8.GetString(output).Trim());
        using var locker = new Locker("e2e:c", _server.ClientOptions("owner-c"));
        Assert.Equal(AwkwardValue + "\n", (await locker.GetAsync()).Value);
    }

    [Fact]
    public async Task GetRaw_ChildProcess_WritesTheValueBytesExactly()
    {
        using var locker = new Locker("e2e:d", _server.ClientOptions("owner-d"));
        await locker.PutAsync(TimeSpan.FromMinutes(1), AwkwardValue);

        var (exitCode, output) = await ChildJrdlm.RunAsync(
            [], "get", "e2e:d", "--raw", "--id", "owner-d", "--port", _server.PortText);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(Encoding.UTF8.GetBytes(AwkwardValue), output);
    }

    [Fact]
    public async Task LockAndUnlock_AcrossCommands_NeedTheSameId()
    {
        var port = _server.PortText;

        var locked = await Jrdlm.RunAsync("lock", "e2e:job", "--id", "script-1", "--ttl", "60", "--port", port);
        var stranger = await Jrdlm.RunAsync("unlock", "e2e:job", "--port", port);
        var tested = await Jrdlm.RunAsync("testlock", "e2e:job", "--id", "script-1", "--port", port);
        var unlocked = await Jrdlm.RunAsync("unlock", "e2e:job", "--id", "script-1", "--port", port);
        var free = await Jrdlm.RunAsync("testlock", "e2e:job", "--port", port);

        Assert.Equal(ExitCodes.Success, locked.ExitCode);
        Assert.Equal("Locked", locked.OutputLines[0]);
        Assert.StartsWith("token ", locked.OutputLines[1], StringComparison.Ordinal);
        Assert.Equal((ExitCodes.NotOwner, "NotOwner"), (stranger.ExitCode, stranger.OutputLines[0]));
        Assert.Equal((ExitCodes.Success, "Locked"), (tested.ExitCode, tested.OutputLines[0]));
        Assert.Equal((ExitCodes.Success, "Unlocked"), (unlocked.ExitCode, unlocked.OutputLines[0]));
        Assert.Equal((ExitCodes.Success, "Unlocked"), (free.ExitCode, free.OutputLines[0]));
    }

    [Fact]
    public async Task Lock_HeldByClientLibrary_CliGetsNotOwner()
    {
        using var client = new DlmClient(_server.ClientOptions());
        await using var handle = await client.AcquireAsync("e2e:held", TimeSpan.FromMinutes(1));

        var outcome = await Jrdlm.RunAsync("lock", "e2e:held", "--port", _server.PortText);

        Assert.Equal(ExitCodes.NotOwner, outcome.ExitCode);
    }

    [Fact]
    public async Task GetEraseAndVersion_RealServer_ExitWithTheirStatusCodes()
    {
        var port = _server.PortText;
        await Jrdlm.RunAsync("lock", "e2e:lockonly", "--id", "o", "--port", port);

        var noData = await Jrdlm.RunAsync("get", "e2e:lockonly", "--id", "o", "--port", port);
        var notFound = await Jrdlm.RunAsync("get", "e2e:none", "--port", port);
        var erased = await Jrdlm.RunAsync("erase", "e2e:lockonly", "--id", "o", "--port", port);
        var version = await Jrdlm.RunAsync("version", "--port", port);

        Assert.Equal(ExitCodes.NoData, noData.ExitCode);
        Assert.Equal(ExitCodes.NotFound, notFound.ExitCode);
        Assert.Equal(ExitCodes.Success, erased.ExitCode);
        Assert.Equal(ExitCodes.Success, version.ExitCode);
        Assert.StartsWith("JackrabbitDLM/", version.OutputLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_GeneratedFile_LetsTheServerAcceptALargeValue()
    {
        var port = _server.PortText;
        var large = new string('v', 20000);
        var created = await Jrdlm.RunAsync(
            "identity", "bulk", "--base", _server.BaseDirectory, "--max-size", "100000");

        var anonymous = await Jrdlm.RunAsync("put", "e2e:big", large, "--port", port);
        var identified = await Jrdlm.RunAsync(
            "put", "e2e:big", large, "--id", "bulk-owner",
            "--name", "bulk", "--base", _server.BaseDirectory, "--port", port);

        Assert.Equal(ExitCodes.Success, created.ExitCode);
        Assert.Equal(ExitCodes.BadPayload, anonymous.ExitCode);
        Assert.Equal(ExitCodes.Success, identified.ExitCode);
    }

    [Fact]
    public async Task Identity_WrongSecret_IsRefusedWithBadPayload()
    {
        await Jrdlm.RunAsync("identity", "strict", "--base", _server.BaseDirectory);
        using var temp = new TempDirectory();
        var forged = temp.File("strict.cfg");
        await File.WriteAllTextAsync(forged, $"{{\"Identity\": \"{new string('x', 1500)}\"}}");

        var outcome = await Jrdlm.RunAsync("lock", "e2e:strict", "--identity-file", forged, "--port", _server.PortText);

        Assert.Equal(ExitCodes.BadPayload, outcome.ExitCode);
    }
}
