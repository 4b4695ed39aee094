using System.Globalization;
using JackrabbitDlm.LoadBench.Load;

namespace JackrabbitDlm.LoadBench.Report;

/// <summary>Prints result rows as an aligned plain-text table (also valid Markdown).</summary>
internal static class ResultTable
{
    public static void PrintHeader()
    {
        Console.WriteLine("| target | workload | connections | in flight | req/s | p50 µs | p99 µs | ratio |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---|");
    }

    public static void PrintRow(
        string target, string workload, string mode, int inFlight, RunResult result, string ratio = "")
    {
        var errors = result.Errors > 0 ? $" ({result.Errors} errors)" : string.Empty;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {target} | {workload} | {mode} | {inFlight} | {result.RequestsPerSecond:F0}{errors} | " +
            $"{result.P50Microseconds:F0} | {result.P99Microseconds:F0} | {ratio} |"));
    }

    /// <summary>
    /// The median of the ratios of runs made one right after the other: a slow spell of the
    /// machine then lowers both sides of a pair instead of one side of the figure.
    /// </summary>
    public static string PairedRatio(
        string name, IReadOnlyList<RunResult> ours, IReadOnlyList<RunResult> reference)
    {
        var ratios = ours.Zip(reference, (o, r) => o.RequestsPerSecond / r.RequestsPerSecond)
            .Order()
            .ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"{ratios[ratios.Length / 2] * 100:F0}% of {name}");
    }

    public static string Ratio(string name, RunResult ours, RunResult reference) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{ours.RequestsPerSecond / reference.RequestsPerSecond * 100:F0}% of {name}");
}
