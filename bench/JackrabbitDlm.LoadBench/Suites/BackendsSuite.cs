using JackrabbitDlm.LoadBench.Load;
using JackrabbitDlm.LoadBench.Report;
using JackrabbitDlm.LoadBench.Targets;

namespace JackrabbitDlm.LoadBench.Suites;

/// <summary>
/// Lock+unlock through each storage backend, beside the in-memory figure, and the Redis backend
/// beside redis-benchmark running the command a Redis lock takes against the same redis-server.
/// </summary>
internal static class BackendsSuite
{
    private const int InFlight = 8;

    public static async Task RunAsync(BenchSettings settings, Workloads workloads, CLoadGenerator load)
    {
        Console.WriteLine();
        Console.WriteLine($"## Storage backends (lock+unlock, {InFlight} in flight; ratio: backend / memory)");
        Console.WriteLine();
        using var redis = await RedisBenchmark.StartAsync();
        var backends = new List<(string Name, string[] Arguments)>
        {
            ("memory", []),
            ("sqlite", ["--backend", "sqlite"]),
            ("filesystem", ["--backend", "filesystem"]),
        };
        if (redis is not null)
        {
            backends.Add(("redis", ["--backend", "redis", "--redis", redis.Configuration]));
        }

        ResultTable.PrintHeader();
        var memory = new Dictionary<bool, RunResult>();
        foreach (var (name, arguments) in backends)
        {
            using var server = await JrdlmServer.StartAsync(workloads.Identity, arguments);
            await load.RunAsync(server.Endpoint, workloads.LockUnlock, InFlight, true, TimeSpan.FromSeconds(1));
            foreach (var keepAlive in new[] { false, true })
            {
                var result = await MedianAsync(settings, load, server, workloads.LockUnlock, keepAlive);
                var ratio = name == "memory" ? string.Empty : ResultTable.Ratio("memory", result, memory[keepAlive]);
                if (name == "memory")
                {
                    memory[keepAlive] = result;
                }

                var mode = keepAlive ? "kept alive" : "per request";
                ResultTable.PrintRow($"jrdlm, {name}", workloads.LockUnlock.Name, mode, InFlight, result, ratio);
            }
        }

        if (redis is not null)
        {
            var lockCommand = await redis.RunLockCommandAsync(InFlight, 100_000);
            const string command = "SET key owner NX PX 30000 (redis-benchmark)";
            ResultTable.PrintRow("redis-server", command, "kept alive", InFlight, lockCommand);
        }
    }

    private static async Task<RunResult> MedianAsync(
        BenchSettings settings, CLoadGenerator load, JrdlmServer server, Workload workload, bool keepAlive)
    {
        var runs = new List<RunResult>();
        for (var run = 0; run < settings.Runs; run++)
        {
            runs.Add(await load.RunAsync(server.Endpoint, workload, InFlight, keepAlive, settings.Duration));
        }

        return RunResult.Median(runs);
    }
}
