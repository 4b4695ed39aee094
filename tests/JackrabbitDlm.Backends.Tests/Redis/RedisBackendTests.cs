using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using JackrabbitDlm.Backends.Redis;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using StackExchange.Redis;
using static JackrabbitDlm.Backends.Tests.Conformance.Commands;

namespace JackrabbitDlm.Backends.Tests.Redis;

/// <summary>What only the Redis backend does: its keys, expiry by Redis, outages, recovery.</summary>
public sealed class RedisBackendTests
{
    private readonly string _prefix = RedisTestServer.NewPrefix();
    private readonly CounterSet _counters = new();

    [Fact]
    public async Task OpenAsync_NothingListening_ThrowsNamingTheEndpoint()
    {
        var port = FreePort();
        var options = new RedisBackendOptions { Configuration = $"127.0.0.1:{port},connectTimeout=500" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => RedisBackend.OpenAsync(options));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_PasswordInConfiguration_StaysOutOfTheMessage()
    {
        var options = new RedisBackendOptions
        {
            Configuration = $"127.0.0.1:{FreePort()},connectTimeout=500,password=hunter2-secret",
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => RedisBackend.OpenAsync(options));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_RedisKilledAndRestarted_AnswersUnavailableThenRecovers()
    {
        using var server = await RedisServerProcess.StartAsync();
        await using var backend = await RedisBackend.OpenAsync(
            new RedisBackendOptions { Configuration = server.Configuration, KeyPrefix = _prefix });
        Assert.Equal(ActionOutcome.Locked, (await RunAsync(backend, Lock("job", "alice"))).Outcome);

        server.Stop();
        var down = await PollAsync(backend, Lock("job", "alice"), ActionOutcome.BackendUnavailable);
        await server.RestartAsync();
        var up = await PollAsync(backend, Lock("job", "alice"), ActionOutcome.Locked);

        Assert.Equal(ActionOutcome.BackendUnavailable, down);
        Assert.Equal(ActionOutcome.Locked, up);
    }

    [Fact]
    public async Task ExecuteAsync_EntryExpires_RedisRemovesKeyAndSweepCountsIt()
    {
        await using var backend = await OpenAsync();
        var redis = await ConnectAsync();
        var database = redis.GetDatabase();
        await RunAsync(backend, Lock("lock", "alice", TimeSpan.FromSeconds(1)));
        await RunAsync(backend, Put("value", "alice", "v", TimeSpan.FromSeconds(1)));

        var ttl = await database.KeyTimeToLiveAsync(_prefix + "e:lock");
        await Task.Delay(TimeSpan.FromSeconds(1.3));
        var swept = await backend.SweepAsync();

        Assert.InRange(ttl!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        Assert.False(await database.KeyExistsAsync(_prefix + "e:lock"));
        Assert.False(await database.KeyExistsAsync(_prefix + "e:value"));
        Assert.Equal(2, swept);
        Assert.Equal(1, _counters.Get(Counter.ExpiredLock));
        Assert.Equal(1, _counters.Get(Counter.ExpiredData));
        Assert.Equal(0, await database.SortedSetLengthAsync(_prefix + "locks"));
        Assert.Equal(0, await database.SortedSetLengthAsync(_prefix + "values"));
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteAsync_AnyAction_TouchesOnlyKeysUnderThePrefix()
    {
        await using var backend = await OpenAsync();
        var redis = await ConnectAsync();

        await RunAsync(backend, Lock("job", "alice"));
        await RunAsync(backend, Put("job:state", "alice", "v"));

        var server = redis.GetServers()[0];
        var keys = server.Keys(pattern: _prefix + "*").Select(key => key.ToString()[_prefix.Length..]);
        Assert.Equal(["e:job", "e:job:state", "locks", "token", "values"], keys.Order());
        await redis.DisposeAsync();
    }

    private async Task<RedisBackend> OpenAsync() =>
        await RedisBackend.OpenAsync(new RedisBackendOptions
        {
            Configuration = await RedisTestServer.GetConfigurationAsync(),
            KeyPrefix = _prefix,
            Counters = _counters,

            // The tests sweep by hand.
            SweepInterval = TimeSpan.FromDays(1),
        });

    private static async Task<ConnectionMultiplexer> ConnectAsync() =>
        await ConnectionMultiplexer.ConnectAsync(await RedisTestServer.GetConfigurationAsync());

    private static async Task<ActionResult> RunAsync(IEntryBackend backend, EntryCommand command) =>
        await backend.ExecuteAsync(command, overloaded: false, CancellationToken.None);

    /// <summary>Repeats a command until it answers <paramref name="expected"/> or 30 s pass.</summary>
    /// <returns>The last outcome.</returns>
    private static async Task<ActionOutcome> PollAsync(
        IEntryBackend backend, EntryCommand command, ActionOutcome expected)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var outcome = (await RunAsync(backend, command)).Outcome;
            if (outcome == expected || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return outcome;
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
