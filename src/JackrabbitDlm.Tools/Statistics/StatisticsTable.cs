namespace JackrabbitDlm.Tools.Statistics;

/// <summary>
/// Statistics records as one series per counter over a shared time axis, ready to chart. A
/// counter missing from a line is 0 there: the server writes only the non-zero ones.
/// </summary>
public sealed class StatisticsTable
{
    private readonly Dictionary<string, double[]> _series;

    private StatisticsTable(DateTime[] times, string[] counters, Dictionary<string, double[]> series)
    {
        Times = times;
        Counters = counters;
        _series = series;
    }

    /// <summary>The time stamps, oldest first.</summary>
    public IReadOnlyList<DateTime> Times { get; }

    /// <summary>Every counter named anywhere, sorted by name (ordinal).</summary>
    public IReadOnlyList<string> Counters { get; }

    /// <summary>True when there is nothing to chart.</summary>
    public bool IsEmpty => Times.Count == 0;

    /// <summary>Builds the table; records are ordered by time, equal times keep file order.</summary>
    public static StatisticsTable From(IEnumerable<StatisticsRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var ordered = records.OrderBy(record => record.Timestamp).ToArray();
        var counters = ordered
            .SelectMany(record => record.Counters.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

        var series = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var counter in counters)
        {
            series[counter] = Array.ConvertAll(
                ordered, record => record.Counters.GetValueOrDefault(counter));
        }

        return new StatisticsTable(
            Array.ConvertAll(ordered, record => record.Timestamp), counters, series);
    }

    /// <summary>The values of one counter, one per time stamp.</summary>
    /// <exception cref="KeyNotFoundException">The counter is not in the table.</exception>
    public IReadOnlyList<double> Values(string counter) => _series[counter];
}
