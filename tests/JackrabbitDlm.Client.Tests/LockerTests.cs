using System.Text.Json;
using JackrabbitDlm.Client.Tests.Infrastructure;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Client.Tests;

/// <summary>The Locker against a canned TCP responder: what goes on the wire and how replies map.</summary>
public sealed class LockerTests
{
    [Fact]
    public async Task Lock_Granted_ReturnsLockedWithIdAndToken()
    {
        await using var server = new CannedServer(request => CannedServer.Grant(request, 42));
        using var locker = new Locker("job", server.Options());

        var result = locker.Lock();

        Assert.Equal("Locked", result.StatusWord);
        Assert.Equal(DlmStatus.Locked, result.Status);
        Assert.Equal(locker.OwnerId, result.Id);
        Assert.Equal(42, result.Token);
        Assert.False(result.IsFailure);
    }

    [Fact]
    public async Task Lock_NoTtlGiven_SendsOwnerKeyLockAnd300Seconds()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Locked));
        using var locker = new Locker("job", server.Options(o => o.OwnerId = "owner-1"));

        await locker.LockAsync();

        var request = Assert.Single(server.Requests);
        Assert.Equal("owner-1", request.Owner());
        Assert.Equal("job", request.Key());
        Assert.Equal(DlmAction.Lock, request.Action);
        Assert.Equal(300, request.TtlSeconds);
        Assert.Null(request.IdentityName);
        Assert.False(request.KeepAlive);
    }

    [Theory]
    [InlineData(DlmAction.Lock, "300")]
    [InlineData(DlmAction.Get, "0")]
    [InlineData(DlmAction.Erase, "0")]
    public async Task Request_WireForm_IsTheOriginalClients(DlmAction action, string expire)
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.NotFound));
        using var locker = new Locker("job", server.Options(o => o.OwnerId = "owner-1"));

        _ = action switch
        {
            DlmAction.Lock => locker.Lock(),
            DlmAction.Get => locker.Get(),
            _ => locker.Erase(),
        };

        // The original sends Expire as text and "DataStore": null where there is no value.
        using var json = JsonDocument.Parse(Assert.Single(server.RequestJson));
        var fields = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(["Action", "DataStore", "Expire", "FileName", "ID"], fields.Keys.Order());
        Assert.Equal(expire, fields["Expire"].GetString());
        Assert.Equal(JsonValueKind.Null, fields["DataStore"].ValueKind);
        Assert.Equal(action.ToWire(), fields["Action"].GetString());
    }

    [Fact]
    public async Task Lock_HeldByOther_ReturnsNotOwner()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.NotOwner));
        using var locker = new Locker("job", server.Options());

        var result = locker.Lock(TimeSpan.FromSeconds(5));

        Assert.Equal(DlmStatus.NotOwner, result.Status);
        Assert.Null(result.Id);
        Assert.Equal(5, Assert.Single(server.Requests).TtlSeconds);
    }

    [Theory]
    [InlineData(true, DlmAction.Lock)]
    [InlineData(false, DlmAction.TestLock)]
    public async Task IsLocked_Acquire_ChoosesLockOrTestLock(bool acquire, DlmAction expected)
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Unlocked));
        using var locker = new Locker("job", server.Options());

        var result = locker.IsLocked(TimeSpan.FromSeconds(9), acquire);

        Assert.Equal(DlmStatus.Unlocked, result.Status);
        Assert.Equal(expected, Assert.Single(server.Requests).Action);
    }

    [Fact]
    public async Task IsLocked_ServerClosesWithoutReply_FailsAfterOneAttempt()
    {
        await using var server = new CannedServer(_ => null);
        using var locker = new Locker("job", server.Options(o => o.RetryCount = 3));

        var result = await locker.IsLockedAsync();

        Assert.True(result.IsFailure);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task Lock_ServerClosesWithoutReply_RetriesThenReturnsFailure()
    {
        await using var server = new CannedServer(_ => null);
        using var locker = new Locker("job", server.Options(o => o.RetryCount = 3));

        var result = await locker.LockAsync();

        Assert.True(result.IsFailure);
        Assert.Equal(LockerResult.FailureWord, result.StatusWord);
        Assert.Null(result.Status);
        Assert.NotNull(result.Error);
        Assert.Equal(4, server.Connections);
    }

    [Fact]
    public async Task Lock_NothingListening_ReturnsFailure()
    {
        var options = new JackrabbitDlmClientOptions
        {
            Port = FreePort.Reserve(),
            RetryCount = 2,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };
        using var locker = new Locker("job", options);

        var result = await locker.LockAsync();

        Assert.True(result.IsFailure);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task Lock_ServerStartsWhileRetrying_Succeeds()
    {
        var port = FreePort.Reserve();
        var options = new JackrabbitDlmClientOptions
        {
            Port = port,
            RetryCount = 50,
            RetryDelay = TimeSpan.FromMilliseconds(100),
        };
        using var locker = new Locker("job", options);

        var locking = locker.LockAsync();
        await Task.Delay(400);
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Locked), port: port);
        var result = await locking;

        Assert.Equal(DlmStatus.Locked, result.Status);
    }

    [Fact]
    public async Task Lock_UnreadableReply_ThrowsProtocolExceptionWithoutRetrying()
    {
        await using var server = new CannedServer(_ => "{\"Status\": \"Locked\"}\n"u8.ToArray());
        using var locker = new Locker("job", server.Options(o => o.RetryCount = 3));

        var exception = await Assert.ThrowsAsync<DlmProtocolException>(() => locker.LockAsync());

        Assert.Null(exception.StatusWord);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task Lock_UnknownStatusWord_IsReturnedAsSent()
    {
        await using var server = new CannedServer(_ => CannedServer.RawReply("{\"Status\": \"Maybe\"}"));
        using var locker = new Locker("job", server.Options());

        var result = locker.Lock();

        Assert.Equal("Maybe", result.StatusWord);
        Assert.Null(result.Status);
        Assert.False(result.IsFailure);
    }

    [Fact]
    public async Task Unlock_SendsUnlockWithZeroTtl()
    {
        await using var server = new CannedServer(request => CannedServer.Reply(DlmStatus.Unlocked, request.Owner()));
        using var locker = new Locker("job", server.Options());

        var result = locker.Unlock();

        Assert.Equal(DlmStatus.Unlocked, result.Status);
        Assert.Equal(locker.OwnerId, result.Id);
        var request = Assert.Single(server.Requests);
        Assert.Equal(DlmAction.Unlock, request.Action);
        Assert.Equal(0, request.TtlSeconds);
    }

    [Fact]
    public async Task Put_DefaultEncoder_SendsTheOriginalClientsEncoding()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Done));
        using var locker = new Locker("job:state", server.Options());

        var result = locker.Put(TimeSpan.FromSeconds(60), "résumé {\"a\": 1}");

        Assert.Equal(DlmStatus.Done, result.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal(DlmAction.Put, request.Action);
        Assert.Equal(60, request.TtlSeconds);
        Assert.Equal(DlmTextEncoding.EncodeText("résumé {\"a\": 1}"), request.ValueText());
    }

    [Fact]
    public async Task Get_DefaultDecoder_ReturnsTheDecodedValue()
    {
        var stored = DlmTextEncoding.EncodeText("value ✓");
        await using var server = new CannedServer(
            request => CannedServer.Reply(DlmStatus.Done, request.Owner(), stored));
        using var locker = new Locker("job:state", server.Options());

        var result = locker.Get();

        Assert.Equal(DlmStatus.Done, result.Status);
        Assert.Equal("value ✓", result.Value);
        Assert.Equal(DlmAction.Get, Assert.Single(server.Requests).Action);
    }

    [Fact]
    public async Task PutAndGet_CustomEncoderPair_IsUsedBothWays()
    {
        string? held = null;
        await using var server = new CannedServer(request =>
        {
            if (request.Action == DlmAction.Put)
            {
                held = request.ValueText();
                return CannedServer.Reply(DlmStatus.Done, request.Owner());
            }

            return CannedServer.Reply(DlmStatus.Done, request.Owner(), held);
        });
        using var locker = new Locker("job:state", server.Options(o =>
        {
            o.ValueEncoder = value => "rev:" + new string(value.Reverse().ToArray());
            o.ValueDecoder = stored => stored.StartsWith("rev:", StringComparison.Ordinal)
                ? new string(stored[4..].Reverse().ToArray())
                : null;
        }));

        locker.Put(TimeSpan.FromSeconds(30), "abc");
        var result = locker.Get();

        Assert.Equal("rev:cba", held);
        Assert.Equal("abc", result.Value);
    }

    [Fact]
    public async Task Get_ValueTheDecoderRefuses_ThrowsProtocolException()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Done, "id", "not encoded!"));
        using var locker = new Locker("job:state", server.Options());

        await Assert.ThrowsAsync<DlmProtocolException>(() => locker.GetAsync());
    }

    [Theory]
    [InlineData(DlmStatus.NotFound)]
    [InlineData(DlmStatus.NoData)]
    [InlineData(DlmStatus.NotOwner)]
    public async Task Get_NoValue_ReturnsTheStatusWithoutValue(DlmStatus status)
    {
        await using var server = new CannedServer(CannedServer.Always(status));
        using var locker = new Locker("job:state", server.Options());

        var result = locker.Get();

        Assert.Equal(status, result.Status);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task Erase_SendsErase()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.NotFound));
        using var locker = new Locker("job:state", server.Options());

        var result = locker.Erase();

        Assert.Equal(DlmStatus.NotFound, result.Status);
        Assert.Equal(DlmAction.Erase, Assert.Single(server.Requests).Action);
    }

    [Theory]
    [InlineData("JackrabbitDLM/0.0.0.2.855", true)]
    [InlineData("JackrabbitDLM/1.0.0", true)]
    [InlineData("SomethingElse/1.0", false)]
    public async Task IsDLM_VersionText_DecidesTheAnswer(string version, bool expected)
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Version, version));
        using var locker = new Locker("job", server.Options());

        Assert.Equal(version, locker.Version().Id);
        Assert.Equal(expected, locker.IsDLM());
    }

    [Fact]
    public async Task IsDLM_UnreadableReply_IsFalse()
    {
        await using var server = new CannedServer(_ => "garbage\n"u8.ToArray());
        using var locker = new Locker("job", server.Options());

        Assert.False(await locker.IsDLMAsync());
    }

    [Fact]
    public void IsDLM_NothingListening_IsFalse()
    {
        var nothingThere = new JackrabbitDlmClientOptions { Port = FreePort.Reserve(), RetryCount = 0 };
        using var locker = new Locker("job", nothingThere);

        Assert.False(locker.IsDLM());
    }

    [Fact]
    public async Task Lock_Identity_SendsNameAndSecret()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Locked));
        var secret = new string('k', 1100);
        using var locker = new Locker("job", server.Options(o =>
        {
            o.IdentityName = "billing";
            o.IdentitySecret = secret;
        }));

        locker.Lock();

        var request = Assert.Single(server.Requests);
        Assert.Equal("billing", request.IdentityName);
        Assert.Equal(secret, request.SecretText());
    }

    [Fact]
    public async Task KeepAlive_ServerKeepsConnectionOpen_ReusesOneConnection()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Locked), keepOpen: true);
        using var locker = new Locker("job", server.Options(o => o.KeepAlive = true));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(DlmStatus.Locked, (await locker.LockAsync()).Status);
        }

        Assert.Equal(1, server.Connections);
        Assert.All(server.Requests, request => Assert.True(request.KeepAlive));
    }

    [Fact]
    public async Task KeepAlive_ServerClosesAfterEachReply_ReconnectsEveryTime()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Locked), keepOpen: false);
        using var locker = new Locker("job", server.Options(o => o.KeepAlive = true));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(DlmStatus.Locked, (await locker.LockAsync()).Status);

            // Give the close time to arrive, so the next request finds the connection gone.
            await Task.Delay(50);
        }

        Assert.Equal(3, server.Connections);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task KeepAlive_ServerClosesRightAfterReplying_NoRequestIsLost()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Locked), keepOpen: false);
        using var locker = new Locker("job", server.Options(o => o.KeepAlive = true));

        // Without a pause the next request may go out before the close arrives: it must then be sent
        // again on a new connection, not lost and not counted as a failure.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(DlmStatus.Locked, (await locker.LockAsync()).Status);
        }

        Assert.Equal(10, server.Requests.Count);
    }

    [Fact]
    public async Task KeepAlive_ConcurrentRequests_AllAnswered()
    {
        await using var server = new CannedServer(
            request => CannedServer.Reply(DlmStatus.Locked, request.Key()), keepOpen: true);
        using var locker = new Locker("job", server.Options(o => o.KeepAlive = true));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => locker.LockAsync()));

        Assert.All(results, result => Assert.Equal("job", result.Id));
        Assert.Equal(20, server.Requests.Count);
    }

    [Fact]
    public async Task Lock_CancelledWhileRetrying_ThrowsOperationCanceled()
    {
        var options = new JackrabbitDlmClientOptions
        {
            Port = FreePort.Reserve(),
            RetryCount = 1000,
            RetryDelay = TimeSpan.FromMilliseconds(20),
        };
        using var locker = new Locker("job", options);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => locker.LockAsync(null, cancel.Token));
    }

    [Fact]
    public void Lock_NegativeTtl_Throws()
    {
        using var locker = new Locker("job");

        Assert.Throws<ArgumentOutOfRangeException>(() => locker.Lock(TimeSpan.FromSeconds(-1)));
    }
}
