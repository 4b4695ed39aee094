using JackrabbitDlm.Client.Tests.Infrastructure;
using JackrabbitDlm.Engine.Pressure;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Client.Tests.Server;

/// <summary>Retries, refusals and identities against the real server.</summary>
public sealed class ServerResilienceTests
{
    [Fact]
    public async Task Lock_ServerStartsWhileTheClientRetries_Succeeds()
    {
        var port = FreePort.Reserve();
        var options = new JackrabbitDlmClientOptions
        {
            Port = port,
            RetryCount = 100,
            RetryDelay = TimeSpan.FromMilliseconds(100),
        };
        using var locker = new Locker("job", options);

        var locking = locker.LockAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        await using var server = await RealServer.StartAsync(port);
        var result = await locking;

        Assert.Equal(DlmStatus.Locked, result.Status);
        Assert.Equal(locker.OwnerId, result.Id);
    }

    [Fact]
    public async Task TryAcquireAsync_ServerStartsWhileTheClientRetries_ReturnsAHandle()
    {
        var port = FreePort.Reserve();
        using var client = new DlmClient(new JackrabbitDlmClientOptions
        {
            Port = port,
            RetryCount = 100,
            RetryDelay = TimeSpan.FromMilliseconds(100),
        });

        var acquiring = client.TryAcquireAsync("job", TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        await using var server = await RealServer.StartAsync(port);
        await using var handle = await acquiring;

        Assert.NotNull(handle);
        Assert.NotNull(handle.FencingToken);
    }

    [Fact]
    public async Task Requests_ServerStopped_FailWithConnectionErrors()
    {
        var server = await RealServer.StartAsync();
        var options = server.Options(o => o.RetryCount = 1);
        await server.DisposeAsync();
        using var client = new DlmClient(options);
        using var locker = new Locker("job", options);

        Assert.True(locker.Lock().IsFailure);
        var exception = await Assert.ThrowsAsync<DlmConnectionException>(() => client.GetAsync("job"));
        Assert.Equal(2, exception.Attempts);
    }

    [Fact]
    public async Task LockAndPut_ServerOverItsMemoryThreshold_RefusedWithNo()
    {
        await using var server = await RealServer.StartAsync(pressure: new FixedPressure(2.0));
        using var client = new DlmClient(server.Options());
        using var locker = new Locker("job", server.Options());

        Assert.Equal(DlmStatus.NO, locker.Lock().Status);
        var exception = await Assert.ThrowsAsync<DlmRefusedException>(
            () => client.TryAcquireAsync("job", TimeSpan.FromSeconds(30)));
        Assert.Equal(DlmStatus.NO, exception.Status);
        Assert.Equal(DlmStatus.NO, locker.Put(TimeSpan.FromSeconds(30), "v").Status);
    }

    [Fact]
    public async Task Identity_Valid_LocksAndOwnsApartFromTheAnonymousOwner()
    {
        var secret = new string('s', IdentityRecord.MinSecretLength + 10);
        await using var server = await RealServer.StartAsync(identities: new OneIdentity("billing", secret));
        using var authenticated = new Locker("job", server.Options(o =>
        {
            o.OwnerId = "same-owner";
            o.IdentityName = "billing";
            o.IdentitySecret = secret;
        }));
        using var anonymous = new Locker("job", server.Options(o => o.OwnerId = "same-owner"));

        Assert.Equal(DlmStatus.Locked, authenticated.Lock(TimeSpan.FromSeconds(7200)).Status);
        Assert.Equal(DlmStatus.NotOwner, anonymous.Lock(TimeSpan.FromSeconds(30)).Status);
        Assert.Equal(DlmStatus.Unlocked, authenticated.Unlock().Status);
    }

    [Fact]
    public async Task Identity_WrongSecret_RefusedAsBadPayload()
    {
        var secret = new string('s', IdentityRecord.MinSecretLength + 10);
        await using var server = await RealServer.StartAsync(identities: new OneIdentity("billing", secret));
        var options = server.Options(o =>
        {
            o.IdentityName = "billing";
            o.IdentitySecret = new string('t', IdentityRecord.MinSecretLength + 10);
        });
        using var locker = new Locker("job", options);
        using var client = new DlmClient(options);

        Assert.Equal(DlmStatus.BadPayload, locker.Lock().Status);
        await Assert.ThrowsAsync<DlmRefusedException>(() => client.TryAcquireAsync("job", TimeSpan.FromSeconds(30)));
    }

    private sealed class FixedPressure(double usage) : IMemoryPressure
    {
        public double UsageOfThreshold => usage;
    }

    private sealed class OneIdentity(string name, string secret) : IIdentityStore
    {
        public IdentityRecord? Find(string requested) => requested == name
            ? new IdentityRecord(System.Text.Encoding.UTF8.GetBytes(secret), IdentityRecord.DefaultMaxValueLength)
            : null;
    }
}
