using System.Globalization;
using System.Net;
using System.Text;
using JackrabbitDlm.Tools.Statistics;

namespace JackrabbitDlm.Tools.Charts;

/// <summary>Writes the inline SVG of the HTML chart: grid, axis labels, one group per counter.</summary>
internal static class SvgChartWriter
{
    private const int TimeTickCount = 6;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(StringBuilder page, StatisticsTable table, ChartOptions options)
    {
        var frame = ChartFrame.For(table, options.Width, options.Height);
        page.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" ")
            .Append(Invariant, $"width=\"{options.Width}\" height=\"{options.Height}\" ")
            .Append(Invariant, $"viewBox=\"0 0 {options.Width} {options.Height}\" role=\"img\" ")
            .Append(Invariant, $"aria-label=\"{WebUtility.HtmlEncode(options.Title)}\">\n");
        WriteAxes(page, frame);
        for (var i = 0; i < table.Counters.Count; i++)
        {
            WriteSeries(page, table, frame, i);
        }

        page.Append("</svg>\n");
    }

    private static void WriteAxes(StringBuilder page, ChartFrame frame)
    {
        page.Append("<g class=\"axis\">\n");
        for (var decade = frame.MinDecade; decade <= frame.MaxDecade; decade++)
        {
            var value = Math.Pow(10, decade);
            var y = frame.Y(value);
            page.Append(Invariant, $"<line class=\"grid\" x1=\"{frame.Left}\" y1=\"{y:0.#}\" ")
                .Append(Invariant, $"x2=\"{frame.Right}\" y2=\"{y:0.#}\"/>")
                .Append(Invariant, $"<text x=\"{frame.Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">")
                .Append(value.ToString("#,0.##", Invariant))
                .Append("</text>\n");
        }

        foreach (var tick in frame.TimeTicks(TimeTickCount))
        {
            var x = frame.X(tick);
            page.Append(Invariant, $"<line class=\"grid\" x1=\"{x:0.#}\" y1=\"{frame.Top}\" ")
                .Append(Invariant, $"x2=\"{x:0.#}\" y2=\"{frame.Bottom}\"/>")
                .Append(Invariant, $"<text x=\"{x:0.#}\" y=\"{frame.Bottom + 18}\" text-anchor=\"middle\">")
                .Append(tick.ToString("yyyy-MM-dd HH:mm", Invariant))
                .Append("</text>\n");
        }

        page.Append("</g>\n");
    }

    // One group per counter, holding its raw values, broken where the counter is zero.
    private static void WriteSeries(StringBuilder page, StatisticsTable table, ChartFrame frame, int index)
    {
        var counter = WebUtility.HtmlEncode(table.Counters[index]);
        var values = table.Values(table.Counters[index]);
        var color = ChartPalette.Hex(index);
        var raw = string.Join(' ', values.Select(value => value.ToString("R", Invariant)));
        page.Append(Invariant, $"<g class=\"series\" data-counter=\"{counter}\" data-values=\"{raw}\" ")
            .Append(Invariant, $"stroke=\"{color}\" fill=\"{color}\"><title>{counter}</title>");
        foreach (var run in SeriesSegments.Positive(values))
        {
            var (offset, length) = run.GetOffsetAndLength(values.Count);
            if (length == 1)
            {
                var x = frame.X(table.Times[offset]);
                var y = frame.Y(values[offset]);
                page.Append(Invariant, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"2.5\"/>");
                continue;
            }

            page.Append("<polyline points=\"");
            for (var i = offset; i < offset + length; i++)
            {
                var separator = i > offset ? " " : string.Empty;
                page.Append(Invariant, $"{separator}{frame.X(table.Times[i]):0.#},{frame.Y(values[i]):0.#}");
            }

            page.Append("\"/>");
        }

        page.Append("</g>\n");
    }
}
