namespace JackrabbitDlm.LoadBench.Load;

/// <summary>Collects request latencies of one load slot; merged and sorted once a run ends.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> _ticks = new(1 << 16);

    public int Count => _ticks.Count;

    public void Add(long elapsedTicks) => _ticks.Add(elapsedTicks);

    /// <summary>The p-th percentile (0..100) of all recorders' samples, in microseconds.</summary>
    public static double PercentileMicroseconds(IReadOnlyList<LatencyRecorder> recorders, double percentile)
    {
        var all = recorders.SelectMany(r => r._ticks).ToArray();
        if (all.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(all);
        var index = (int)Math.Clamp(Math.Ceiling(percentile / 100 * all.Length) - 1, 0, all.Length - 1);
        return all[index] * 1_000_000.0 / System.Diagnostics.Stopwatch.Frequency;
    }
}
