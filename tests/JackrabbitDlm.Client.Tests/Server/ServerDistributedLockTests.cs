using JackrabbitDlm.Client.Tests.Infrastructure;
using Medallion.Threading;
using Microsoft.Extensions.DependencyInjection;

namespace JackrabbitDlm.Client.Tests.Server;

/// <summary>The DistributedLock adapter, resolved from DI, against the real server.</summary>
public sealed class ServerDistributedLockTests : IAsyncLifetime
{
    private RealServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await RealServer.StartAsync();
        _services = new ServiceCollection()
            .AddJackrabbitDlm(options =>
            {
                options.Port = _server.Port;
                options.RetryCount = 0;
                // Short enough that the renewal test outlives two leases; long enough that a
                // renewal delayed by a busy machine still lands before the lease ends.
                options.LeaseDuration = TimeSpan.FromSeconds(3);
            })
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Locks_SameName_ExcludeEachOtherUntilDisposed()
    {
        var provider = _services.GetRequiredService<IDistributedLockProvider>();
        var first = provider.CreateLock("reports:nightly");
        var second = provider.CreateLock("reports:nightly");

        var held = await first.AcquireAsync(TimeSpan.FromSeconds(5));
        var blocked = await second.TryAcquireAsync();
        await held.DisposeAsync();
        await using var next = await second.TryAcquireAsync(TimeSpan.FromSeconds(5));

        Assert.Null(blocked);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task Acquire_HeldElsewhere_ThrowsTimeoutException()
    {
        var provider = _services.GetRequiredService<IDistributedLockProvider>();
        await using var held = await provider.AcquireLockAsync("reports:nightly");

        Assert.ThrowsAny<TimeoutException>(
            () => provider.CreateLock("reports:nightly").Acquire(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Handle_HeldPastTheLeaseDuration_IsRenewedAndNotLost()
    {
        var provider = _services.GetRequiredService<IDistributedLockProvider>();
        await using var held = await provider.AcquireLockAsync("reports:nightly");

        await Task.Delay(TimeSpan.FromSeconds(7));

        Assert.False(held.HandleLostToken.IsCancellationRequested);
        Assert.Null(await provider.TryAcquireLockAsync("reports:nightly"));
    }

    [Fact]
    public void SyncApi_AcquireAndDispose_ReleasesTheLock()
    {
        var provider = _services.GetRequiredService<IDistributedLockProvider>();

        using (provider.AcquireLock("reports:nightly", TimeSpan.FromSeconds(5)))
        {
            Assert.Null(provider.TryAcquireLock("reports:nightly"));
        }

        using var again = provider.TryAcquireLock("reports:nightly");
        Assert.NotNull(again);
    }
}
