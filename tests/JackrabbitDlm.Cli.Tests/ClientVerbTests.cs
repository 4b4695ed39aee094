using System.Text.Json;
using JackrabbitDlm.Cli.Tests.Infrastructure;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Wire;
using JackrabbitDlm.Tools;

namespace JackrabbitDlm.Cli.Tests;

/// <summary>What each client verb prints and exits with, against a peer giving a fixed reply.</summary>
public sealed class ClientVerbTests
{
    [Theory]
    [InlineData(DlmStatus.Locked, ExitCodes.Success)]
    [InlineData(DlmStatus.Unlocked, ExitCodes.Success)]
    [InlineData(DlmStatus.Done, ExitCodes.Success)]
    [InlineData(DlmStatus.Version, ExitCodes.Success)]
    [InlineData(DlmStatus.NotOwner, ExitCodes.NotOwner)]
    [InlineData(DlmStatus.NotFound, ExitCodes.NotFound)]
    [InlineData(DlmStatus.NoData, ExitCodes.NoData)]
    [InlineData(DlmStatus.BadPayload, ExitCodes.BadPayload)]
    [InlineData(DlmStatus.BadAction, ExitCodes.BadAction)]
    [InlineData(DlmStatus.NO, ExitCodes.ServerBusy)]
    [InlineData(DlmStatus.Corruption, ExitCodes.Corruption)]
    public async Task Unlock_EachStatus_PrintsItAndExitsWithItsCode(DlmStatus status, int exitCode)
    {
        await using var peer = StatusResponder.Answering(status);

        var outcome = await Jrdlm.RunAsync("unlock", "job", "--port", peer.PortText);

        Assert.Equal(exitCode, outcome.ExitCode);
        Assert.Equal([status.ToWire()], outcome.OutputLines);
    }

    [Fact]
    public async Task Lock_ReplyWithToken_PrintsStatusAndToken()
    {
        await using var peer = StatusResponder.Answering(DlmStatus.Locked, id: "me", token: 42);

        var outcome = await Jrdlm.RunAsync("lock", "job", "--id", "me", "--port", peer.PortText);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal(["Locked", "token 42"], outcome.OutputLines);
    }

    [Fact]
    public async Task Lock_Options_SendTheRequestTheyDescribe()
    {
        await using var peer = StatusResponder.Answering(DlmStatus.Locked, id: "me");

        await Jrdlm.RunAsync("lock", "job", "--id", "me", "--ttl", "12.5", "--port", peer.PortText);

        var request = Assert.Single(peer.Requests);
        Assert.Equal("Lock", request.GetProperty("Action").GetString());
        Assert.Equal("job", request.GetProperty("FileName").GetString());
        Assert.Equal("me", request.GetProperty("ID").GetString());
        Assert.Equal("12.5", request.GetProperty("Expire").GetString());
        Assert.False(request.TryGetProperty("Name", out _));
    }

    [Fact]
    public async Task Lock_NoId_SendsARandomOwnerIdEachTime()
    {
        await using var peer = StatusResponder.Answering(DlmStatus.Locked);

        await Jrdlm.RunAsync("lock", "job", "--port", peer.PortText);
        await Jrdlm.RunAsync("lock", "job", "--port", peer.PortText);

        var ids = peer.Requests.Select(r => r.GetProperty("ID").GetString()).ToArray();
        Assert.Equal(2, ids.Length);
        Assert.NotEqual(ids[0], ids[1]);
        Assert.All(ids, id => Assert.True(id!.Length >= 50));
    }

    [Fact]
    public async Task Put_Value_SendsItEncodedWithTheTtl()
    {
        await using var peer = StatusResponder.Answering(DlmStatus.Done, id: "me");

        var outcome = await Jrdlm.RunAsync(
            "put", "job:state", "caf\u00e9 \u2713", "--id", "me", "--ttl", "60", "--port", peer.PortText);

        Assert.Equal(["Done"], outcome.OutputLines);
        var request = Assert.Single(peer.Requests);
        Assert.Equal("Put", request.GetProperty("Action").GetString());
        Assert.Equal("60", request.GetProperty("Expire").GetString());
        Assert.Equal("caf\u00e9 \u2713", DlmTextEncoding.DecodeText(request.GetProperty("DataStore").GetString()!));
    }

    [Fact]
    public async Task Get_Done_PrintsStatusThenValue()
    {
        var stored = DlmTextEncoding.EncodeText("line one\nline two");
        await using var peer = StatusResponder.Answering(DlmStatus.Done, id: "me", value: stored);

        var outcome = await Jrdlm.RunAsync("get", "job:state", "--id", "me", "--port", peer.PortText);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal("Done\nline one\nline two\n", outcome.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Raw_PrintsOnlyTheValueExactly()
    {
        var stored = DlmTextEncoding.EncodeText("exact\n");
        await using var peer = StatusResponder.Answering(DlmStatus.Done, id: "me", value: stored);

        var outcome = await Jrdlm.RunAsync("get", "k", "--raw", "--id", "me", "--port", peer.PortText);

        Assert.Equal("exact\n", outcome.Output);
    }

    [Fact]
    public async Task Get_RawNotFound_PrintsNothingAndExitsNotFound()
    {
        await using var peer = StatusResponder.Answering(DlmStatus.NotFound);

        var outcome = await Jrdlm.RunAsync("get", "k", "--raw", "--port", peer.PortText);

        Assert.Equal(ExitCodes.NotFound, outcome.ExitCode);
        Assert.Empty(outcome.Output);
    }

    [Fact]
    public async Task Version_NoName_PrintsTheServerVersion()
    {
        await using var peer = StatusResponder.Answering(DlmStatus.Version, id: "JackrabbitDLM/9.9.9");

        var outcome = await Jrdlm.RunAsync("version", "--port", peer.PortText);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal(["Version", "JackrabbitDLM/9.9.9"], outcome.OutputLines);
        Assert.Equal("Version", Assert.Single(peer.Requests).GetProperty("Action").GetString());
    }

    [Fact]
    public async Task TestLock_Sent_NeverAsksForTheLock()
    {
        await using var peer = StatusResponder.Answering(DlmStatus.Unlocked);

        var outcome = await Jrdlm.RunAsync("testlock", "job", "--port", peer.PortText);

        Assert.Equal(["Unlocked"], outcome.OutputLines);
        Assert.Equal("TestLock", Assert.Single(peer.Requests).GetProperty("Action").GetString());
    }

    [Fact]
    public async Task Erase_Sent_IsAnEraseRequest()
    {
        await using var peer = StatusResponder.Answering(DlmStatus.NotFound);

        var outcome = await Jrdlm.RunAsync("erase", "job", "--port", peer.PortText);

        Assert.Equal(ExitCodes.NotFound, outcome.ExitCode);
        Assert.Equal("Erase", Assert.Single(peer.Requests).GetProperty("Action").GetString());
    }

    [Fact]
    public async Task Lock_NothingListening_ExitsConnectionFailed()
    {
        var outcome = await Jrdlm.RunAsync("lock", "job", "--port", ClosedPort.Next(), "--retries", "0");

        Assert.Equal(ExitCodes.ConnectionFailed, outcome.ExitCode);
        Assert.Contains("cannot reach 127.0.0.1:", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(outcome.Output);
    }

    [Fact]
    public async Task Lock_UnknownStatusWord_ExitsProtocolError()
    {
        await using var peer = StatusResponder.AnsweringJson("{\"Status\": \"Maybe\"}");

        var outcome = await Jrdlm.RunAsync("lock", "job", "--port", peer.PortText);

        Assert.Equal(ExitCodes.ProtocolError, outcome.ExitCode);
        Assert.Equal(["Maybe"], outcome.OutputLines);
    }

    [Fact]
    public async Task Lock_UnreadableReply_ExitsProtocolError()
    {
        await using var peer = new StatusResponder("this is not encoded\n"u8.ToArray());

        var outcome = await Jrdlm.RunAsync("lock", "job", "--port", peer.PortText);

        Assert.Equal(ExitCodes.ProtocolError, outcome.ExitCode);
        Assert.NotEmpty(outcome.Error);
    }

    [Fact]
    public async Task Lock_IdentityFile_SendsNameAndSecret()
    {
        using var temp = new TempDirectory();
        var path = temp.File("reports.cfg");
        var secret = new string('s', 1100);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { Identity = secret }));
        await using var peer = StatusResponder.Answering(DlmStatus.Locked);

        await Jrdlm.RunAsync("lock", "job", "--identity-file", path, "--port", peer.PortText);

        var request = Assert.Single(peer.Requests);
        Assert.Equal("reports", request.GetProperty("Name").GetString());
        Assert.Equal(secret, request.GetProperty("Identity").GetString());
    }

    [Fact]
    public async Task Lock_IdentityNameOnly_ReadsItsFileUnderBase()
    {
        using var temp = new TempDirectory();
        var identity = await Jrdlm.RunAsync("identity", "reports", "--base", temp.Path);
        var path = identity.OutputLines.Single();
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var secret = document.RootElement.GetProperty("Identity").GetString();
        await using var peer = StatusResponder.Answering(DlmStatus.Locked);

        await Jrdlm.RunAsync("lock", "job", "--name", "reports", "--base", temp.Path, "--port", peer.PortText);

        var request = Assert.Single(peer.Requests);
        Assert.Equal("reports", request.GetProperty("Name").GetString());
        Assert.Equal(secret, request.GetProperty("Identity").GetString());
    }

    [Fact]
    public async Task Lock_IdentityFileMissing_ExitsFailureWithoutSending()
    {
        using var temp = new TempDirectory();
        await using var peer = StatusResponder.Answering(DlmStatus.Locked);

        var outcome = await Jrdlm.RunAsync(
            "lock", "job", "--identity-file", temp.File("none.cfg"), "--port", peer.PortText);

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Contains("none.cfg", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(peer.Requests);
    }
}
