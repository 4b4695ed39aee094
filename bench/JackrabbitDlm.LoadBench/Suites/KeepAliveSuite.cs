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
    public static async Task RunAsync(BenchSettings settings, Workloads workloads)
    {
        Console.WriteLine();
        Console.WriteLine("## Kept-alive connections (ratio: jrdlm / redis-benchmark -t set, same connections)");
        Console.WriteLine();
        using var redis = await RedisBenchmark.StartAsync();
        using var server = await JrdlmServer.StartAsync(workloads.Identity);
        foreach (var workload in workloads.All)
        {
            await LoadRunner.RunAsync(server.Endpoint, workload, 16, true, true, TimeSpan.FromSeconds(2));
        }

        ResultTable.PrintHeader();
        foreach (var inFlight in settings.InFlight)
        {
            RunResult? reference = null;
            if (redis is not null)
            {
                var runs = new List<RunResult>();
                for (var run = 0; run < settings.Runs; run++)
                {
                    runs.Add(await redis.RunSetAsync(inFlight, inFlight == 1 ? 50_000 : 200_000));
                }

                reference = RunResult.Median(runs);
                ResultTable.PrintRow("redis-server", "SET (redis-benchmark)", "kept alive", inFlight, reference);
            }

            foreach (var workload in workloads.All)
            {
                var runs = new List<RunResult>();
                for (var run = 0; run < settings.Runs; run++)
                {
                    runs.Add(await LoadRunner.RunAsync(server.Endpoint, workload, inFlight, true, true, settings.Duration));
                }

                var ours = RunResult.Median(runs);
                var ratio = reference is null ? "redis-benchmark not installed" : ResultTable.Ratio("redis SET", ours, reference);
                ResultTable.PrintRow("jrdlm", workload.Name, "kept alive", inFlight, ours, ratio);
            }
        }
    }
}
