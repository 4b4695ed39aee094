using System.Globalization;
using JackrabbitDlm.Tools.Statistics;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace JackrabbitDlm.Tools.Charts;

/// <summary>
/// Draws a statistics table as a PNG: one line per counter over time, on a logarithmic Y axis
/// so that rare counters stay visible beside busy ones.
/// </summary>
public static class PngChartRenderer
{
    /// <summary>Writes the chart to <paramref name="path"/>, replacing any file there.</summary>
    /// <exception cref="ToolException">
    /// The table is empty, a size is too small, or the file cannot be written.
    /// </exception>
    public static void Render(StatisticsTable table, string path, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new ChartOptions();
        options.Validate();
        if (table.IsEmpty)
        {
            throw new ToolException("the event log holds no statistics lines to chart");
        }

        using var plot = Build(table, options);
        try
        {
            plot.SavePng(path, options.Width, options.Height);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"cannot write {path}: {e.Message}", e);
        }
    }

    private static Plot Build(StatisticsTable table, ChartOptions options)
    {
        var plot = new Plot();
        plot.Title(options.Title);
        var xs = table.Times.Select(time => time.ToOADate()).ToArray();
        for (var i = 0; i < table.Counters.Count; i++)
        {
            AddSeries(plot, xs, table.Counters[i], table.Values(table.Counters[i]), i);
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Left.Label.Text = "calls (log scale)";
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = FormatDecade,
        };
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = 11;
        return plot;
    }

    // Plots log10 of the values: ScottPlot draws a log axis as a linear one over the logarithms.
    private static void AddSeries(Plot plot, double[] xs, string counter, IReadOnlyList<double> values, int index)
    {
        var color = Color.FromHex(ChartPalette.Hex(index));
        var first = true;
        foreach (var run in SeriesSegments.Positive(values))
        {
            var (offset, length) = run.GetOffsetAndLength(values.Count);
            var runXs = xs.AsSpan(offset, length).ToArray();
            var runYs = Enumerable.Range(offset, length).Select(i => Math.Log10(values[i])).ToArray();
            var scatter = plot.Add.Scatter(runXs, runYs, color);
            scatter.LineWidth = 1.5f;
            scatter.MarkerSize = length == 1 ? 5 : 0;
            if (first)
            {
                scatter.LegendText = counter;
                first = false;
            }
        }
    }

    private static string FormatDecade(double exponent) =>
        Math.Pow(10, exponent).ToString("#,0.##", CultureInfo.InvariantCulture);
}
