using JackrabbitDlm.Tools.Statistics;

namespace JackrabbitDlm.Tools.Charts;

/// <summary>
/// Where the plot area of the SVG chart lies, and how times and values map into it: time
/// linearly along X, values by decades of a log scale along Y.
/// </summary>
internal sealed record ChartFrame(
    int Left,
    int Right,
    int Top,
    int Bottom,
    DateTime First,
    DateTime Last,
    int MinDecade,
    int MaxDecade)
{
    private const int MarginLeft = 70;
    private const int MarginRight = 20;
    private const int MarginTop = 20;
    private const int MarginBottom = 50;

    /// <summary>The frame for a table: the decades span every positive value.</summary>
    public static ChartFrame For(StatisticsTable table, int width, int height)
    {
        var positive = table.Counters
            .SelectMany(table.Values)
            .Where(value => value > 0)
            .DefaultIfEmpty(1)
            .ToArray();
        var minDecade = (int)Math.Floor(Math.Log10(positive.Min()));
        var maxDecade = Math.Max((int)Math.Ceiling(Math.Log10(positive.Max())), minDecade + 1);
        return new ChartFrame(
            MarginLeft,
            width - MarginRight,
            MarginTop,
            height - MarginBottom,
            table.Times[0],
            table.Times[^1],
            minDecade,
            maxDecade);
    }

    public double X(DateTime time)
    {
        var span = (Last - First).TotalSeconds;
        var share = span > 0 ? (time - First).TotalSeconds / span : 0.5;
        return Left + (share * (Right - Left));
    }

    /// <summary>The Y of a value above zero.</summary>
    public double Y(double value)
    {
        var share = (Math.Log10(value) - MinDecade) / (MaxDecade - MinDecade);
        return Bottom - (share * (Bottom - Top));
    }

    /// <summary>Evenly spaced times from the first to the last, for labels.</summary>
    public IEnumerable<DateTime> TimeTicks(int count)
    {
        if (Last == First)
        {
            yield return First;
            yield break;
        }

        for (var i = 0; i < count; i++)
        {
            yield return First + ((Last - First) * i / (count - 1));
        }
    }
}
