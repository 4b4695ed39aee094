using System.Globalization;
using JackrabbitDlm.LoadBench.Load;
using JackrabbitDlm.LoadBench.Report;
using JackrabbitDlm.LoadBench.Targets;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.LoadBench.Suites;

/// <summary>
/// Throughput with an empty table and with a million held locks (16-character names,
/// 64-character owner ids, all distinct), and the server's resident memory holding them.
/// </summary>
internal static class MillionSuite
{
    private const int FillConnections = 32;
    private const int InFlight = 64;

    public static async Task RunAsync(BenchSettings settings, Workloads workloads, CLoadGenerator load)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"## {settings.HeldEntries:N0} held locks (ratio: with them / empty table; memory: resident set)"));
        Console.WriteLine();
        using var server = await JrdlmServer.StartAsync(workloads.Identity);
        await load.RunAsync(server.Endpoint, workloads.LockUnlock, 16, false, TimeSpan.FromSeconds(2));
        await load.RunAsync(server.Endpoint, workloads.LockUnlock, 16, true, TimeSpan.FromSeconds(2));
        var emptyRss = server.ResidentBytes();

        var emptyPerRequest = await MeasureAsync(settings, load, server, workloads.LockUnlock, keepAlive: false);
        var emptyKeptAlive = await MeasureAsync(settings, load, server, workloads.LockUnlock, keepAlive: true);
        await FillAsync(server, settings.HeldEntries, settings.RunId);

        // Give the runtime a moment to settle after the fill before reading the resident set.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var heldRss = server.ResidentBytes();
        var heldPerRequest = await MeasureAsync(settings, load, server, workloads.LockUnlock, keepAlive: false);
        var heldKeptAlive = await MeasureAsync(settings, load, server, workloads.LockUnlock, keepAlive: true);

        ResultTable.PrintHeader();
        ResultTable.PrintRow("jrdlm, empty", workloads.LockUnlock.Name, "per request", InFlight, emptyPerRequest);
        ResultTable.PrintRow("jrdlm, held", workloads.LockUnlock.Name, "per request", InFlight, heldPerRequest,
            ResultTable.Ratio("empty", heldPerRequest, emptyPerRequest));
        ResultTable.PrintRow("jrdlm, empty", workloads.LockUnlock.Name, "kept alive", InFlight, emptyKeptAlive);
        ResultTable.PrintRow("jrdlm, held", workloads.LockUnlock.Name, "kept alive", InFlight, heldKeptAlive,
            ResultTable.Ratio("empty", heldKeptAlive, emptyKeptAlive));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"resident memory: {emptyRss / 1048576.0:F0} MB after warm-up, " +
            $"{heldRss / 1048576.0:F0} MB holding {settings.HeldEntries:N0} locks"));
    }

    private static async Task<RunResult> MeasureAsync(
        BenchSettings settings, CLoadGenerator load, JrdlmServer server, Workload workload, bool keepAlive)
    {
        var runs = new List<RunResult>();
        for (var run = 0; run < settings.Runs; run++)
        {
            runs.Add(await load.RunAsync(server.Endpoint, workload, InFlight, keepAlive, settings.Duration));
        }

        return RunResult.Median(runs);
    }

    private static async Task FillAsync(JrdlmServer server, int entries, string runId)
    {
        var next = -1;
        var fillers = Enumerable.Range(0, FillConnections).Select(_ => Task.Run(async () =>
        {
            await using var connection = new WireConnection(server.Endpoint, keepAlive: true);
            for (var i = Interlocked.Increment(ref next); i < entries; i = Interlocked.Increment(ref next))
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"h{i:D15}");
                var owner = string.Create(CultureInfo.InvariantCulture, $"{runId}-owner-{i:D12}").PadRight(64, 'x');
                var line = RequestLine.Build(owner, key, DlmAction.Lock, 3500, keepAlive: true);
                var length = await connection.ExchangeAsync(line, CancellationToken.None);
                if (connection.StatusOf(length) != DlmStatus.Locked)
                {
                    throw new InvalidOperationException($"filling: lock {key} was not granted");
                }
            }
        })).ToArray();
        await Task.WhenAll(fillers);
    }
}
