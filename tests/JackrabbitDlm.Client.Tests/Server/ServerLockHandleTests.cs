using JackrabbitDlm.Client.Tests.Infrastructure;

namespace JackrabbitDlm.Client.Tests.Server;

/// <summary>Lock handles against the real server: fencing, loss, renewal and release.</summary>
public sealed class ServerLockHandleTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private RealServer _server = null!;

    public async Task InitializeAsync() => _server = await RealServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TryAcquireAsync_HeldElsewhere_NullUntilReleased()
    {
        using var client = new DlmClient(_server.Options());

        var first = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));
        var blocked = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));
        await first!.DisposeAsync();
        await using var second = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));

        Assert.Null(blocked);
        Assert.NotNull(second);
        Assert.True(second.FencingToken > first.FencingToken);
    }

    [Fact]
    public async Task AcquireAsync_ReleasedWhileWaiting_GetsTheLock()
    {
        using var client = new DlmClient(_server.Options());
        var holder = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));

        var waiting = client.AcquireAsync("job", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20));
        await Task.Delay(200);
        await holder!.DisposeAsync();
        await using var handle = await waiting;

        Assert.True(handle.FencingToken > holder.FencingToken);
    }

    [Fact]
    public async Task AcquireAsync_HeldThroughout_ThrowsDlmTimeoutException()
    {
        using var client = new DlmClient(_server.Options());
        await using var holder = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<DlmTimeoutException>(
            () => client.AcquireAsync("job", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task LostToken_LeaseExpiresAndAnotherOwnerTakesOver_FiresAndRenewalFails()
    {
        using var client = new DlmClient(_server.Options());
        await using var first = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(1));
        var lost = new TaskCompletionSource();
        first!.LostToken.Register(() => lost.TrySetResult());

        await lost.Task.WaitAsync(Patience);
        await using var second = await client.AcquireAsync("job", TimeSpan.FromSeconds(30), Patience);

        Assert.True(first.IsLost);
        Assert.False(await first.RenewAsync());
        Assert.True(second.FencingToken > first.FencingToken);
        Assert.False(second.IsLost);
    }

    [Fact]
    public async Task RenewAsync_AfterAnotherOwnerTookTheExpiredLock_AnswersNotOwnerAndFires()
    {
        using var client = new DlmClient(_server.Options());
        await using var first = await client.TryAcquireAsync("job", TimeSpan.FromMilliseconds(400));
        await using var second = await client.AcquireAsync("job", TimeSpan.FromSeconds(30), Patience);

        // The second owner may win a moment before the first handle's own timer fires; either way
        // the first handle must end up lost and a renewal must not take the lock back.
        var renewed = await first!.RenewAsync();

        Assert.False(renewed);
        Assert.True(first!.IsLost);
        Assert.True(await second.RenewAsync());
    }

    [Fact]
    public async Task AutoRenew_LeaseShorterThanTheHold_KeepsTheLock()
    {
        using var client = new DlmClient(_server.Options());
        var renewing = new DlmLockOptions { AutoRenew = true };
        await using var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(1), renewing);
        var firstExpiry = handle!.ExpiresAt;

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var intruder = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));

        Assert.Null(intruder);
        Assert.False(handle.IsLost);
        Assert.True(handle.ExpiresAt > firstExpiry);
    }

    [Fact]
    public async Task DisposeAsync_AutoRenewingLock_ReleasesItAtOnce()
    {
        using var client = new DlmClient(_server.Options());
        var renewing = new DlmLockOptions { AutoRenew = true };
        var handle = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30), renewing);

        await handle!.DisposeAsync();
        await using var next = await client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));

        Assert.NotNull(next);
        Assert.False(handle.IsLost);
    }

    [Fact]
    public async Task ReleaseAsync_AfterTheLockWasTakenOver_ReturnsFalseAndLeavesTheNewHolder()
    {
        using var client = new DlmClient(_server.Options());
        var first = await client.TryAcquireAsync("job", TimeSpan.FromMilliseconds(300));
        await using var second = await client.AcquireAsync("job", TimeSpan.FromSeconds(30), Patience);

        Assert.False(await first!.ReleaseAsync());
        Assert.True(await second.RenewAsync());
    }
}
