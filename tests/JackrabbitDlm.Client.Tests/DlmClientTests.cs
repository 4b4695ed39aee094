using JackrabbitDlm.Client.Tests.Infrastructure;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Client.Tests;

/// <summary>The async client against a canned TCP responder: how replies become results and exceptions.</summary>
public sealed class DlmClientTests
{
    [Fact]
    public async Task TryAcquireAsync_Granted_ReturnsHandleWithTokenAndExpiry()
    {
        await using var server = new CannedServer(request => CannedServer.Grant(request, 7));
        using var client = new DlmClient(server.Options());
        var before = DateTimeOffset.UtcNow;

        await using var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));

        Assert.NotNull(handle);
        Assert.Equal("job", handle.EntryKey);
        Assert.Equal(7, handle.FencingToken);
        var ttl = TimeSpan.FromSeconds(30);
        Assert.InRange(handle.ExpiresAt, before + ttl, DateTimeOffset.UtcNow + ttl);
        Assert.False(handle.IsLost);
        Assert.True(handle.LostToken.CanBeCanceled);
        var request = Assert.Single(server.Requests);
        Assert.Equal(DlmAction.Lock, request.Action);
        Assert.Equal(30, request.TtlSeconds);
    }

    [Fact]
    public async Task TryAcquireAsync_HeldByOther_ReturnsNull()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.NotOwner));
        using var client = new DlmClient(server.Options());

        Assert.Null(await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task TryAcquireAsync_TwoAcquisitions_UseTheirOwnOwnerIds()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Locked));
        using var client = new DlmClient(server.Options());

        var first = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));
        var second = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));

        Assert.NotEqual(first!.OwnerId, second!.OwnerId);
        Assert.NotEqual(client.OwnerId, first.OwnerId);
    }

    [Fact]
    public async Task TryAcquireAsync_OwnerIdGiven_LocksWithIt()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Locked));
        using var client = new DlmClient(server.Options());

        var resume = new DlmLockOptions { OwnerId = "resume-me" };
        var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30), resume);

        Assert.Equal("resume-me", handle!.OwnerId);
        Assert.Equal("resume-me", Assert.Single(server.Requests).Owner());
    }

    [Theory]
    [InlineData(DlmStatus.BadPayload)]
    [InlineData(DlmStatus.NO)]
    public async Task TryAcquireAsync_Refused_ThrowsRefusedWithTheStatus(DlmStatus status)
    {
        await using var server = new CannedServer(CannedServer.Always(status));
        using var client = new DlmClient(server.Options());

        var exception = await Assert.ThrowsAsync<DlmRefusedException>(
            () => client.TryAcquireAsync("job", TimeSpan.FromSeconds(30)));

        Assert.Equal(status, exception.Status);
    }

    [Fact]
    public async Task TryAcquireAsync_StatusLockNeverAnswers_ThrowsProtocolException()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.BadAction));
        using var client = new DlmClient(server.Options());

        var exception = await Assert.ThrowsAsync<DlmProtocolException>(
            () => client.TryAcquireAsync("job", TimeSpan.FromSeconds(30)));

        Assert.Equal("BadAction", exception.StatusWord);
    }

    [Fact]
    public async Task TryAcquireAsync_NothingListening_ThrowsConnectionExceptionAfterEveryAttempt()
    {
        var options = new JackrabbitDlmClientOptions
        {
            Port = FreePort.Reserve(),
            RetryCount = 2,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };
        using var client = new DlmClient(options);

        var exception = await Assert.ThrowsAsync<DlmConnectionException>(
            () => client.TryAcquireAsync("job", TimeSpan.FromSeconds(30)));

        Assert.Equal(3, exception.Attempts);
        Assert.Equal(options.Port, exception.Port);
        Assert.IsAssignableFrom<DlmException>(exception);
        Assert.NotNull(exception.InnerException);
    }

    [Fact]
    public async Task TryAcquireAsync_ZeroTtl_Throws()
    {
        using var client = new DlmClient();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.TryAcquireAsync("job", TimeSpan.Zero));
    }

    [Fact]
    public async Task TryAcquireAsync_CadenceNotBelowTtl_Throws()
    {
        using var client = new DlmClient();
        var options = new DlmLockOptions { AutoRenew = true, RenewalCadence = TimeSpan.FromSeconds(30) };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => client.TryAcquireAsync("job", TimeSpan.FromSeconds(30), options));
    }

    [Fact]
    public async Task AcquireAsync_HeldThroughout_ThrowsTimeoutException()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.NotOwner));
        using var client = new DlmClient(server.Options());

        var exception = await Assert.ThrowsAsync<DlmTimeoutException>(
            () => client.AcquireAsync("job", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(300)));

        Assert.IsAssignableFrom<TimeoutException>(exception);
        Assert.Equal("job", exception.EntryKey);
        Assert.Equal(TimeSpan.FromMilliseconds(300), exception.Timeout);
    }

    [Fact]
    public async Task AcquireAsync_FreedAfterAFewAttempts_ReturnsHandleWithOneOwnerIdThroughout()
    {
        var attempts = 0;
        await using var server = new CannedServer(request =>
            Interlocked.Increment(ref attempts) < 4
                ? CannedServer.Reply(DlmStatus.NotOwner)
                : CannedServer.Reply(DlmStatus.Locked, request.Owner(), token: 3));
        using var client = new DlmClient(server.Options());

        await using var handle = await client.AcquireAsync("job", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));

        Assert.Equal(3, handle.FencingToken);
        Assert.Equal(4, server.Requests.Count);
        Assert.Single(server.Requests.Select(request => request.Owner()).Distinct());
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_ThrowsOperationCanceled()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.NotOwner));
        using var client = new DlmClient(server.Options());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.AcquireAsync("job", TimeSpan.FromSeconds(30), cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task GetAsync_Done_ReturnsTheDecodedValue()
    {
        var stored = DlmTextEncoding.EncodeText("state ✓");
        await using var server = new CannedServer(
            request => CannedServer.Reply(DlmStatus.Done, request.Owner(), stored));
        using var client = new DlmClient(server.Options(o => o.OwnerId = "me"));

        Assert.Equal("state ✓", await client.GetAsync("job:state"));
        var request = Assert.Single(server.Requests);
        Assert.Equal("me", request.Owner());
        Assert.Equal(DlmAction.Get, request.Action);
    }

    [Theory]
    [InlineData(DlmStatus.NotFound)]
    [InlineData(DlmStatus.NoData)]
    [InlineData(DlmStatus.NotOwner)]
    public async Task GetAsync_NoValue_ReturnsNull(DlmStatus status)
    {
        await using var server = new CannedServer(CannedServer.Always(status));
        using var client = new DlmClient(server.Options());

        Assert.Null(await client.GetAsync("job:state"));
    }

    [Fact]
    public async Task GetAsync_Corruption_ThrowsProtocolException()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Corruption));
        using var client = new DlmClient(server.Options());

        var exception = await Assert.ThrowsAsync<DlmProtocolException>(() => client.GetAsync("job:state"));

        Assert.Equal("Corruption", exception.StatusWord);
    }

    [Theory]
    [InlineData(DlmStatus.Done, true)]
    [InlineData(DlmStatus.NotOwner, false)]
    public async Task PutAsync_Status_MapsToBool(DlmStatus status, bool expected)
    {
        await using var server = new CannedServer(CannedServer.Always(status));
        using var client = new DlmClient(server.Options());

        Assert.Equal(expected, await client.PutAsync("job:state", "v", TimeSpan.FromSeconds(10)));
        var request = Assert.Single(server.Requests);
        Assert.Equal(DlmTextEncoding.EncodeText("v"), request.ValueText());
        Assert.Equal(10, request.TtlSeconds);
    }

    [Fact]
    public async Task PutAsync_TooLarge_ThrowsRefused()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.BadPayload));
        using var client = new DlmClient(server.Options());

        var exception = await Assert.ThrowsAsync<DlmRefusedException>(
            () => client.PutAsync("job:state", "v", TimeSpan.FromSeconds(10)));

        Assert.Equal(DlmStatus.BadPayload, exception.Status);
    }

    [Theory]
    [InlineData(DlmStatus.Done, true)]
    [InlineData(DlmStatus.NotFound, false)]
    [InlineData(DlmStatus.NotOwner, false)]
    public async Task EraseAsync_Status_MapsToBool(DlmStatus status, bool expected)
    {
        await using var server = new CannedServer(CannedServer.Always(status));
        using var client = new DlmClient(server.Options());

        Assert.Equal(expected, await client.EraseAsync("job:state"));
        Assert.Equal(DlmAction.Erase, Assert.Single(server.Requests).Action);
    }

    [Fact]
    public async Task GetServerVersionAsync_Version_ReturnsTheVersionText()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Version, "JackrabbitDLM/1.2.3"));
        using var client = new DlmClient(server.Options());

        Assert.Equal("JackrabbitDLM/1.2.3", await client.GetServerVersionAsync());
    }

    [Fact]
    public async Task GetServerVersionAsync_NoVersionText_ThrowsProtocolException()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Version));
        using var client = new DlmClient(server.Options());

        await Assert.ThrowsAsync<DlmProtocolException>(() => client.GetServerVersionAsync());
    }

    [Fact]
    public async Task CreateLocker_SharesTheClientsOwnerId()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Locked));
        using var client = new DlmClient(server.Options());
        var locker = client.CreateLocker("job");

        locker.Lock();

        Assert.Equal(client.OwnerId, locker.OwnerId);
        Assert.Equal(client.OwnerId, Assert.Single(server.Requests).Owner());
    }
}
