using System.Globalization;
using System.Text.RegularExpressions;
using JackrabbitDlm.Tools.Charts;
using JackrabbitDlm.Tools.Statistics;
using JackrabbitDlm.Tools.Tests.Infrastructure;

namespace JackrabbitDlm.Tools.Tests.Charts;

public sealed partial class HtmlChartRendererTests
{
    [Fact]
    public void Render_SampleLog_HoldsEveryCounterWithItsValues()
    {
        using var temp = new TempDirectory();
        var table = StatisticsTable.From(StatisticsLogReader.ReadFile(SampleLog.Path));

        HtmlChartRenderer.Render(table, temp.File("chart.html"));

        var html = File.ReadAllText(temp.File("chart.html"));
        var series = SeriesPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(table.Counters.Order(StringComparer.Ordinal), series.Keys.Order(StringComparer.Ordinal));
        foreach (var counter in table.Counters)
        {
            var values = series[counter].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture));
            Assert.Equal(table.Values(counter), values);
            Assert.Contains($"<li data-counter=\"{counter}\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToHtml_SampleLog_DrawsALinePerCounter()
    {
        var table = StatisticsTable.From(StatisticsLogReader.ReadFile(SampleLog.Path));

        var html = HtmlChartRenderer.ToHtml(table);

        // Every counter of the sample is above zero at least twice in a row somewhere.
        var groups = html.Split("<g class=\"series\"")[1..];
        Assert.Equal(table.Counters.Count, groups.Length);
        Assert.All(groups, group => Assert.Contains("<polyline points=\"", group, StringComparison.Ordinal));
    }

    [Fact]
    public void ToHtml_AnyTable_LoadsNothingFromTheNetwork()
    {
        var table = StatisticsTable.From(StatisticsLogReader.ReadFile(SampleLog.Path));

        var html = HtmlChartRenderer.ToHtml(table);

        // The SVG namespace is a name, not a fetch; nothing else may point outside the page.
        var outside = html.Replace("xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal);
        Assert.DoesNotContain("http:", outside, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", outside, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", outside, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", outside, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", outside, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", outside, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_ZeroInTheMiddle_BreaksTheLine()
    {
        var start = new DateTime(2026, 12, 4, 0, 0, 0);
        var records = new[] { 5.0, 6, 0, 7, 8 }.Select((value, i) => new StatisticsRecord(
            start.AddHours(i), new Dictionary<string, double> { ["Lock"] = value }));

        var html = HtmlChartRenderer.ToHtml(StatisticsTable.From(records));

        Assert.Equal(2, Regex.Count(html, "<polyline "));
    }

    [Fact]
    public void ToHtml_TitleWithMarkup_IsEscaped()
    {
        var table = StatisticsTable.From(StatisticsLogReader.ReadFile(SampleLog.Path));

        var html = HtmlChartRenderer.ToHtml(table, new ChartOptions { Title = "<b>x</b>" });

        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<g class=\"series\" data-counter=\"([^\"]+)\" data-values=\"([^\"]*)\"")]
    private static partial Regex SeriesPattern();
}
