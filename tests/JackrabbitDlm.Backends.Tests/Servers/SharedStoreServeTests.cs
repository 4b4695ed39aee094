using JackrabbitDlm.Protocol.Wire;
using Xunit.Abstractions;

namespace JackrabbitDlm.Backends.Tests.Servers;

/// <summary>
/// Separate <c>jrdlm serve</c> processes on one store act as one lock table, and an answered
/// write outlives a killed server. One derived class per persistent backend.
/// </summary>
[Collection(ServeCollection.Name)]
public abstract class SharedStoreServeTests : IDisposable
{
    private const int Clients = 10;
    private const int IncrementsEach = 6;
    private static readonly TimeSpan FightTimeLimit = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _scratch = new();
    private readonly List<ServeProcess> _servers = [];

    protected SharedStoreServeTests(ITestOutputHelper output)
    {
        Output = output;
    }

    protected ITestOutputHelper Output { get; }

    /// <summary>The options that put a server on this test's store.</summary>
    /// <param name="storeDirectory">An empty directory the store may live in.</param>
    protected abstract Task<IReadOnlyList<string>> StoreArgumentsAsync(string storeDirectory);

    [Fact]
    public async Task Serve_TwoServersFightOverOneLock_OneHolderAtATimeAndCounterExact()
    {
        var store = await StoreArgumentsAsync(StoreDirectory());
        var first = await StartAsync("first", store);
        var second = await StartAsync("second", store);

        var fight = await CounterFight.RunAsync(
            [first.EndPoint, second.EndPoint], Clients, IncrementsEach, FightTimeLimit);

        Output.WriteLine($"{fight.Grants} grants, {fight.Refusals} refused lock requests, "
            + $"counts {string.Join(", ", fight.Counts)}");
        Assert.Equal(0, fight.Violations);
        Assert.Equal(Clients * IncrementsEach, fight.Grants);
        Assert.All(fight.Counts, count => Assert.Equal(Clients * IncrementsEach, count));
        Assert.True(fight.Refusals > 0, "the clients never contended for the lock");
    }

    [Fact]
    public async Task Serve_KilledDuringPuts_AnsweredPutsReadBackAfterRestart()
    {
        var store = await StoreArgumentsAsync(StoreDirectory());
        var victim = await StartAsync("server", store);

        var stream = await PutStream.RunAsync(
            victim.EndPoint, writers: 4, acknowledgementsBeforeKill: 60, victim.Kill);
        var restarted = await StartAsync("server", store);

        Output.WriteLine($"{stream.Acknowledged.Count} puts answered, "
            + $"{stream.InFlight.Count} in flight at the kill");
        Assert.True(stream.Acknowledged.Count >= 60);
        Task<DlmReply> GetAsync(string key) =>
            DlmWire.SendAsync(restarted.EndPoint, DlmAction.Get, key, PutStream.Owner);
        foreach (var key in stream.Acknowledged)
        {
            var reply = await GetAsync(key);
            Assert.Equal(DlmStatus.Done, reply.Status);
            Assert.Equal(PutStream.ValueOf(key), reply.Value);
        }

        // A put the server died answering is either wholly stored or not at all.
        foreach (var key in stream.InFlight)
        {
            var reply = await GetAsync(key);
            Assert.Contains(reply.Status, new DlmStatus?[] { DlmStatus.Done, DlmStatus.NotFound });
            if (reply.Status == DlmStatus.Done)
            {
                Assert.Equal(PutStream.ValueOf(key), reply.Value);
            }
        }
    }

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            Output.WriteLine(server.Errors);
            server.Dispose();
        }

        _scratch.Dispose();
        GC.SuppressFinalize(this);
    }

    private string StoreDirectory() => Directory.CreateDirectory(_scratch.File("store")).FullName;

    // Each server has its own base directory (event log, pid file); only the store is shared.
    private async Task<ServeProcess> StartAsync(string name, IReadOnlyList<string> store)
    {
        var baseDirectory = _scratch.File(name);
        var server = await ServeProcess.StartAsync(baseDirectory, store);
        _servers.Add(server);
        return server;
    }
}
