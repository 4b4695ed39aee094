using JackrabbitDlm.Client.Tests.Infrastructure;
using JackrabbitDlm.Protocol.Wire;
using Medallion.Threading;

namespace JackrabbitDlm.Client.Tests;

/// <summary>The DistributedLock adapter's contract against a canned TCP responder.</summary>
public sealed class DistributedLockAdapterTests
{
    [Fact]
    public async Task TryAcquire_HeldByOther_ReturnsNullAfterOneAttempt()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.NotOwner));
        using var client = new DlmClient(server.Options());
        var provider = ProviderFor(client);

        Assert.Null(provider.CreateLock("job").TryAcquire());
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TryAcquireAsync_HeldThroughTheWait_ReturnsNull()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.NotOwner));
        using var client = new DlmClient(server.Options());
        var theLock = ProviderFor(client).CreateLock("job");

        Assert.Null(await theLock.TryAcquireAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task TryAcquireAsync_FreedDuringTheWait_ReturnsARenewingHandle()
    {
        var attempts = 0;
        await using var server = new CannedServer(request => request.Action == DlmAction.Lock
            && Interlocked.Increment(ref attempts) < 3
                ? CannedServer.Reply(DlmStatus.NotOwner)
                : CannedServer.Reply(DlmStatus.Locked, request.Owner()));
        using var client = new DlmClient(server.Options());
        var theLock = ProviderFor(client).CreateLock("job");

        await using var handle = await theLock.TryAcquireAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(handle);
        Assert.Equal(3, Volatile.Read(ref attempts));
    }

    [Fact]
    public async Task Acquire_HeldThroughTheWait_ThrowsTimeoutException()
    {
        await using var server = new CannedServer(CannedServer.Always(DlmStatus.NotOwner));
        using var client = new DlmClient(server.Options());
        var theLock = ProviderFor(client).CreateLock("job");

        Assert.ThrowsAny<TimeoutException>(() => theLock.Acquire(TimeSpan.FromMilliseconds(200)));
        await Assert.ThrowsAnyAsync<TimeoutException>(
            async () => await theLock.AcquireAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task AcquireAsync_Granted_TakesALeaseAndReleasesOnDispose()
    {
        await using var server = new CannedServer(request => CannedServer.Reply(
            request.Action == DlmAction.Lock ? DlmStatus.Locked : DlmStatus.Unlocked, request.Owner(), token: 9));
        using var client = new DlmClient(server.Options(o => o.LeaseDuration = TimeSpan.FromSeconds(45)));
        var theLock = ProviderFor(client).CreateLock("job");

        await using (var handle = await theLock.AcquireAsync())
        {
            Assert.True(handle.HandleLostToken.CanBeCanceled);
            Assert.Equal(9, Assert.IsType<DlmLockHandle>(handle).FencingToken);
        }

        Assert.Equal("job", theLock.Name);
        Assert.Equal(45, server.Requests.First().TtlSeconds);
        Assert.Equal(DlmAction.Unlock, server.Requests.Last().Action);
    }

    // Typed as the interface on purpose: these tests go through the contract applications see.
    public static IDistributedLockProvider ProviderFor(DlmClient client) => new DlmLockProvider(client);

    [Fact]
    public void CreateLock_EmptyName_Throws()
    {
        using var client = new DlmClient();

        Assert.Throws<ArgumentException>(() => new DlmLockProvider(client).CreateLock(""));
    }
}
