using JackrabbitDlm.LoadBench.Load;
using JackrabbitDlm.LoadBench.Report;
using JackrabbitDlm.LoadBench.Targets;

namespace JackrabbitDlm.LoadBench.Suites;

/// <summary>
/// One connection per request, as the original client works, against jrdlm and against the
/// minimal C floor server under the same generator, run for run, side by side.
/// </summary>
internal static class PerRequestSuite
{
    public static async Task RunAsync(BenchSettings settings, Workloads workloads, CLoadGenerator load)
    {
        Console.WriteLine();
        Console.WriteLine("## One connection per request (ratio: jrdlm / floor server, same load)");
        Console.WriteLine();
        using var floor = await FloorServer.StartAsync(settings.FloorSource);
        using var server = await JrdlmServer.StartAsync(workloads.Identity);
        await WarmUpAsync(load, server, floor, workloads);

        ResultTable.PrintHeader();
        foreach (var inFlight in settings.InFlight)
        {
            foreach (var workload in workloads.All.Append(workloads.LargeValuesOnDisk))
            {
                // The floor gets the same request lines: small lines for the small workloads,
                // 64 KiB-value lines for the large ones.
                var floorLines = workload == workloads.LargeValues || workload == workloads.LargeValuesOnDisk
                    ? workloads.LargeValues
                    : workloads.LockUnlock;
                var (ours, reference) = await SideBySideAsync(
                    settings, load, server, floor, workload, floorLines, inFlight);
                var ratio = ResultTable.PairedRatio("floor", ours, reference);
                ResultTable.PrintRow(
                    "floor (C)", floorLines.Name, "per request", inFlight, RunResult.Median(reference));
                ResultTable.PrintRow(
                    "jrdlm", workload.Name, "per request", inFlight, RunResult.Median(ours), ratio);
            }
        }
    }

    // Runs in pairs, the floor first in one pair and jrdlm first in the next, so neither side
    // always gets the machine just after the other has warmed or tired it.
    private static async Task<(List<RunResult> Ours, List<RunResult> Floor)> SideBySideAsync(
        BenchSettings settings, CLoadGenerator load, JrdlmServer server, FloorServer floor, Workload workload,
        Workload floorLines, int inFlight)
    {
        var ours = new List<RunResult>();
        var reference = new List<RunResult>();
        for (var run = 0; run < settings.Runs; run++)
        {
            if (run % 2 == 1)
            {
                ours.Add(await load.RunAsync(server.Endpoint, workload, inFlight, false, settings.Duration));
            }

            reference.Add(await load.RunAsync(floor.Endpoint, floorLines, inFlight, false, settings.Duration));
            if (run % 2 == 0)
            {
                ours.Add(await load.RunAsync(server.Endpoint, workload, inFlight, false, settings.Duration));
            }
        }

        return (ours, reference);
    }

    private static async Task WarmUpAsync(
        CLoadGenerator load, JrdlmServer server, FloorServer floor, Workloads workloads)
    {
        var warmUp = TimeSpan.FromSeconds(2);
        await load.RunAsync(floor.Endpoint, workloads.LockUnlock, 16, false, warmUp);
        foreach (var workload in workloads.All)
        {
            await load.RunAsync(server.Endpoint, workload, 16, false, warmUp);
        }
    }
}
