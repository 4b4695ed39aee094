using System.Diagnostics;
using System.Net;

namespace JackrabbitDlm.LoadBench.Load;

/// <summary>Runs a closed loop of N slots, each sending one iteration after another, for a fixed time.</summary>
internal static class LoadRunner
{
    public static async Task<RunResult> RunAsync(
        IPEndPoint target, Workload workload, int inFlight, bool keepAlive, bool readReplies, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource();
        var recorders = new LatencyRecorder[inFlight];
        var counts = new long[inFlight];
        var errors = new long[inFlight];
        var clock = Stopwatch.StartNew();
        var slots = Enumerable.Range(0, inFlight).Select(slot => Task.Run(async () =>
        {
            recorders[slot] = new LatencyRecorder();
            var lines = workload.LinesFor(slot, keepAlive);
            var connection = new WireConnection(target, keepAlive);
            while (clock.Elapsed < duration)
            {
                try
                {
                    counts[slot] += await workload.IterateAsync(connection, lines, readReplies, recorders[slot], stop.Token);
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
                {
                    errors[slot]++;
                    await connection.DisposeAsync();
                    connection = new WireConnection(target, keepAlive);
                }
            }

            await connection.DisposeAsync();
        })).ToArray();

        await Task.WhenAll(slots);
        var elapsed = clock.Elapsed;
        return new RunResult(
            counts.Sum() / elapsed.TotalSeconds,
            LatencyRecorder.PercentileMicroseconds(recorders, 50),
            LatencyRecorder.PercentileMicroseconds(recorders, 99),
            errors.Sum());
    }
}

/// <summary>One run's figures.</summary>
/// <param name="RequestsPerSecond">Requests answered per second.</param>
/// <param name="P50Microseconds">Median request latency.</param>
/// <param name="P99Microseconds">99th percentile request latency.</param>
/// <param name="Errors">Requests that failed at the socket level.</param>
internal sealed record RunResult(double RequestsPerSecond, double P50Microseconds, double P99Microseconds, long Errors)
{
    public static RunResult Median(IReadOnlyList<RunResult> runs)
    {
        static double Mid(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted[sorted.Length / 2];
        }

        return new RunResult(
            Mid(runs.Select(r => r.RequestsPerSecond)),
            Mid(runs.Select(r => r.P50Microseconds)),
            Mid(runs.Select(r => r.P99Microseconds)),
            runs.Sum(r => r.Errors));
    }
}
