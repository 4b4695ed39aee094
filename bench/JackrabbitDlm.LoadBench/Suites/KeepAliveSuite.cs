using JackrabbitDlm.LoadBench.Load;
using JackrabbitDlm.LoadBench.Report;
using JackrabbitDlm.LoadBench.Targets;

namespace JackrabbitDlm.LoadBench.Suites;

/// <summary>
/// Kept-alive connections (the KeepAlive extension) against jrdlm, beside redis-benchmark -t set
/// against a local redis-server with the same number of connections, in the same run.
/// </summary>
internal static class KeepAliveSuite
{
    public static async Task RunAsync(BenchSettings settings, Workloads workloads, CLoadGenerator load)
    {
        Console.WriteLine();
        Console.WriteLine("## Kept-alive connections (ratio: jrdlm / redis-benchmark -t set, same connections)");
        Console.WriteLine();
        using var redis = await RedisBenchmark.StartAsync();
        using var server = await JrdlmServer.StartAsync(workloads.Identity);
        foreach (var workload in workloads.All)
        {
            await load.RunAsync(server.Endpoint, workload, 16, true, TimeSpan.FromSeconds(2));
        }

        ResultTable.PrintHeader();
        foreach (var inFlight in settings.InFlight)
        {
            // Small requests are compared with redis-benchmark's default 3-byte SET, the large
            // values with SETs of the same size.
            var small = await RedisSetAsync(settings, redis, inFlight, 3);
            var large = await RedisSetAsync(settings, redis, inFlight, Workloads.LargeValueLength);
            foreach (var workload in workloads.All)
            {
                var runs = new List<RunResult>();
                for (var run = 0; run < settings.Runs; run++)
                {
                    runs.Add(await load.RunAsync(server.Endpoint, workload, inFlight, true, settings.Duration));
                }

                var ours = RunResult.Median(runs);
                var reference = workload == workloads.LargeValues ? large : small;
                var ratio = reference is null
                    ? "redis-benchmark not installed"
                    : ResultTable.Ratio("redis SET", ours, reference);
                ResultTable.PrintRow("jrdlm", workload.Name, "kept alive", inFlight, ours, ratio);
            }
        }
    }

    private static async Task<RunResult?> RedisSetAsync(
        BenchSettings settings, RedisBenchmark? redis, int inFlight, int valueBytes)
    {
        if (redis is null)
        {
            return null;
        }

        var requests = valueBytes > 1024 ? 20_000 : inFlight == 1 ? 50_000 : 200_000;
        var runs = new List<RunResult>();
        for (var run = 0; run < settings.Runs; run++)
        {
            runs.Add(await redis.RunSetAsync(inFlight, requests, valueBytes));
        }

        var result = RunResult.Median(runs);
        var command = $"SET of {valueBytes} bytes (redis-benchmark)";
        ResultTable.PrintRow("redis-server", command, "kept alive", inFlight, result);
        return result;
    }
}
