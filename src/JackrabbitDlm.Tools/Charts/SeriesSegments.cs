namespace JackrabbitDlm.Tools.Charts;

/// <summary>
/// Splits a series into runs of positive values. A log scale cannot show zero, and a counter is
/// zero wherever a statistics line leaves it out, so the line breaks there instead.
/// </summary>
public static class SeriesSegments
{
    /// <summary>The index ranges of the runs of values above zero, in order.</summary>
    public static IReadOnlyList<Range> Positive(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var runs = new List<Range>();
        var start = -1;
        for (var i = 0; i <= values.Count; i++)
        {
            var positive = i < values.Count && values[i] > 0;
            if (positive && start < 0)
            {
                start = i;
            }
            else if (!positive && start >= 0)
            {
                runs.Add(start..i);
                start = -1;
            }
        }

        return runs;
    }
}
