using System.Globalization;
using System.Net;
using System.Text;
using JackrabbitDlm.Tools.Statistics;

namespace JackrabbitDlm.Tools.Charts;

/// <summary>
/// Draws a statistics table as one self-contained HTML page: an inline SVG with one line per
/// counter on a logarithmic Y axis, a legend that hides and shows series, nothing loaded from
/// the network. Each series is a <c>g</c> element with <c>data-counter</c> and its raw
/// <c>data-values</c>, so the page can be read by scripts too.
/// </summary>
public static class HtmlChartRenderer
{
    private const string Style = """
        body { font-family: sans-serif; margin: 1em; color: #222; }
        svg { background: #fff; border: 1px solid #ddd; max-width: 100%; height: auto; }
        .grid { stroke: #e4e4e4; }
        .axis text { font-size: 11px; fill: #444; stroke: none; }
        .series polyline { fill: none; stroke-width: 1.5; }
        .hidden { display: none; }
        ul.legend { list-style: none; padding: 0; columns: 4 12em; }
        ul.legend li { cursor: pointer; user-select: none; }
        ul.legend li.off { opacity: 0.35; }
        ul.legend span { display: inline-block; width: 1.5em; height: 0.6em; margin-right: 0.4em; }
        """;

    // Hides or shows a series when its legend entry is clicked; the page works without it.
    private const string Script = """
        document.querySelectorAll('ul.legend li').forEach(function (item) {
          item.addEventListener('click', function () {
            var selector = 'g.series[data-counter="' + item.dataset.counter + '"]';
            document.querySelector(selector).classList.toggle('hidden');
            item.classList.toggle('off');
          });
        });
        """;

    /// <summary>Writes the page to <paramref name="path"/>, replacing any file there.</summary>
    /// <exception cref="ToolException">
    /// The table is empty, a size is too small, or the file cannot be written.
    /// </exception>
    public static void Render(StatisticsTable table, string path, ChartOptions? options = null)
    {
        var html = ToHtml(table, options);
        try
        {
            File.WriteAllText(path, html, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"cannot write {path}: {e.Message}", e);
        }
    }

    /// <summary>The page as text.</summary>
    /// <exception cref="ToolException">The table is empty or a size is too small.</exception>
    public static string ToHtml(StatisticsTable table, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new ChartOptions();
        options.Validate();
        if (table.IsEmpty)
        {
            throw new ToolException("the event log holds no statistics lines to chart");
        }

        var title = WebUtility.HtmlEncode(options.Title);
        var page = new StringBuilder(16 * 1024);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{title}</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{title}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{table.Times.Count} statistics lines from ")
            .Append(CultureInfo.InvariantCulture, $"{Stamp(table.Times[0])} to {Stamp(table.Times[^1])}; ")
            .Append("calls on a log scale. Click a counter to hide or show it.</p>\n");
        SvgChartWriter.Write(page, table, options);
        AppendLegend(page, table);
        page.Append("<script>\n").Append(Script).Append("\n</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static void AppendLegend(StringBuilder page, StatisticsTable table)
    {
        page.Append("<ul class=\"legend\">\n");
        for (var i = 0; i < table.Counters.Count; i++)
        {
            var counter = WebUtility.HtmlEncode(table.Counters[i]);
            page.Append(CultureInfo.InvariantCulture, $"<li data-counter=\"{counter}\">")
                .Append(CultureInfo.InvariantCulture, $"<span style=\"background: {ChartPalette.Hex(i)}\"></span>")
                .Append(counter)
                .Append("</li>\n");
        }

        page.Append("</ul>\n");
    }

    private static string Stamp(DateTime time) =>
        time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
