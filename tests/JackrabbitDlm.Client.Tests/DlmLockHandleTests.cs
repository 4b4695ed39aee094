using System.Collections.Concurrent;
using JackrabbitDlm.Client.Tests.Infrastructure;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Client.Tests;

/// <summary>Renewal, loss and release of a lock handle against a canned TCP responder.</summary>
public sealed class DlmLockHandleTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task DisposeAsync_Twice_SendsOneUnlock()
    {
        await using var server = new CannedServer(request => CannedServer.Reply(
            request.Action == DlmAction.Lock ? DlmStatus.Locked : DlmStatus.Unlocked, request.Owner()));
        using var client = new DlmClient(server.Options());
        var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));

        await handle!.DisposeAsync();
        await handle.DisposeAsync();
        handle.Dispose();

        var unlocks = server.Requests.Where(request => request.Action == DlmAction.Unlock).ToList();
        var unlock = Assert.Single(unlocks);
        Assert.Equal(handle.OwnerId, unlock.Owner());
        Assert.Equal("job", unlock.Key());
        Assert.False(handle.IsLost);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task ReleaseAsync_UnlockedWithOrWithoutId_TellsWhetherItWasOurs(bool withId, bool expected)
    {
        await using var server = new CannedServer(request => request.Action == DlmAction.Lock
            ? CannedServer.Reply(DlmStatus.Locked, request.Owner())
            : CannedServer.Reply(DlmStatus.Unlocked, withId ? request.Owner() : null));
        using var client = new DlmClient(server.Options());
        var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));

        Assert.Equal(expected, await handle!.ReleaseAsync());
        Assert.False(await handle.ReleaseAsync());
    }

    [Fact]
    public async Task DisposeAsync_ServerGone_DoesNotThrow()
    {
        var server = new CannedServer(CannedServer.Always(DlmStatus.Locked));
        using var client = new DlmClient(server.Options());
        var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));
        await server.DisposeAsync();

        await handle!.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => handle.RenewAsync());
    }

    [Fact]
    public async Task RenewAsync_Locked_MovesTheExpiry()
    {
        await using var server = new CannedServer(request => CannedServer.Grant(request, 5));
        using var client = new DlmClient(server.Options());
        await using var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(10));
        var first = handle!.ExpiresAt;

        Assert.True(await handle.RenewAsync(TimeSpan.FromSeconds(60)));

        Assert.True(handle.ExpiresAt >= first + TimeSpan.FromSeconds(50));
        Assert.Equal(60, server.Requests.Last().TtlSeconds);
        Assert.False(handle.IsLost);
    }

    [Fact]
    public async Task RenewAsync_NotOwner_ReturnsFalseAndFiresLostToken()
    {
        var grants = 0;
        await using var server = new CannedServer(request => Interlocked.Increment(ref grants) == 1
            ? CannedServer.Reply(DlmStatus.Locked, request.Owner())
            : CannedServer.Reply(DlmStatus.NotOwner));
        using var client = new DlmClient(server.Options());
        await using var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));

        Assert.False(await handle!.RenewAsync());

        Assert.True(handle.IsLost);
        Assert.True(handle.LostToken.IsCancellationRequested);
        Assert.False(await handle.RenewAsync());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task RenewAsync_NewFencingToken_CountsAsLost()
    {
        var token = 10L;
        await using var server = new CannedServer(request =>
            CannedServer.Reply(DlmStatus.Locked, request.Owner(), token: Interlocked.Increment(ref token)));
        using var client = new DlmClient(server.Options());
        await using var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));

        Assert.False(await handle!.RenewAsync());

        Assert.True(handle.IsLost);
    }

    [Fact]
    public async Task RenewAsync_Refused_ThrowsAndKeepsTheLock()
    {
        var grants = 0;
        await using var server = new CannedServer(request => Interlocked.Increment(ref grants) == 1
            ? CannedServer.Reply(DlmStatus.Locked, request.Owner())
            : CannedServer.Reply(DlmStatus.NO));
        using var client = new DlmClient(server.Options());
        await using var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<DlmRefusedException>(() => handle!.RenewAsync());

        Assert.False(handle!.IsLost);
    }

    [Fact]
    public async Task LostToken_NoRenewal_FiresWhenTheLeaseEnds()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.Locked));
        using var client = new DlmClient(server.Options());
        await using var handle = await client.TryAcquireAsync("job", TimeSpan.FromMilliseconds(300));
        var fired = new TaskCompletionSource();
        handle!.LostToken.Register(() => fired.TrySetResult());

        await fired.Task.WaitAsync(Patience);

        Assert.True(handle.IsLost);
        Assert.False(await handle.RenewAsync());
    }

    [Fact]
    public async Task AutoRenew_WhileHeld_RenewsAgainAndAgainAndStopsOnDispose()
    {
        var locks = new ConcurrentQueue<DateTimeOffset>();
        await using var server = new CannedServer(request =>
        {
            if (request.Action == DlmAction.Lock)
            {
                locks.Enqueue(DateTimeOffset.UtcNow);
                return CannedServer.Reply(DlmStatus.Locked, request.Owner(), token: 1);
            }

            return CannedServer.Reply(DlmStatus.Unlocked, request.Owner());
        });
        using var client = new DlmClient(server.Options());
        var options = new DlmLockOptions { AutoRenew = true, RenewalCadence = TimeSpan.FromMilliseconds(100) };
        var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(5), options);

        await WaitUntilAsync(() => locks.Count >= 4);
        await handle!.DisposeAsync();
        var afterDispose = locks.Count;
        await Task.Delay(400);

        Assert.False(handle.IsLost);
        Assert.Equal(afterDispose, locks.Count);
        Assert.Equal(DlmAction.Unlock, server.Requests.Last().Action);
    }

    [Fact]
    public async Task AutoRenew_AnsweredNotOwner_FiresLostTokenAndStops()
    {
        var locks = 0;
        await using var server = new CannedServer(request =>
            request.Action == DlmAction.Lock && Interlocked.Increment(ref locks) == 1
                ? CannedServer.Reply(DlmStatus.Locked, request.Owner())
                : CannedServer.Reply(DlmStatus.NotOwner));
        using var client = new DlmClient(server.Options());
        var options = new DlmLockOptions { AutoRenew = true, RenewalCadence = TimeSpan.FromMilliseconds(50) };
        await using var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30), options);
        var fired = new TaskCompletionSource();
        handle!.LostToken.Register(() => fired.TrySetResult());

        await fired.Task.WaitAsync(Patience);
        await Task.Delay(300);

        Assert.Equal(2, Volatile.Read(ref locks));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the condition did not come true in time");
            await Task.Delay(20);
        }
    }
}
