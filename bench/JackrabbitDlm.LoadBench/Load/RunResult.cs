namespace JackrabbitDlm.LoadBench.Load;

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
