using System.CommandLine;
using JackrabbitDlm.Cli.Infrastructure;
using JackrabbitDlm.Tools;
using JackrabbitDlm.Tools.Charts;
using JackrabbitDlm.Tools.Statistics;

namespace JackrabbitDlm.Cli.Commands;

/// <summary><c>jrdlm chart</c>: draws the statistics lines of the event log.</summary>
internal static class ChartCommand
{
    public static Command Create()
    {
        var log = new Option<string?>("--log")
        {
            Description = "The event log to read [default: <base>/Logs/JackrabbitDLM.log].",
            HelpName = "file",
        };
        var baseDirectory = new Option<string?>("--base")
        {
            Description = "The server's base directory [env JACKRABBIT_BASE].",
            HelpName = "dir",
        };
        var png = new Option<string?>("--png") { Description = "Write a PNG chart.", HelpName = "file" };
        var html = new Option<string?>("--html")
        {
            Description = "Write a self-contained HTML chart (works offline).",
            HelpName = "file",
        };
        var defaults = new ChartOptions();
        var title = new Option<string>("--title")
        {
            Description = "The chart's title.",
            DefaultValueFactory = _ => defaults.Title,
        };
        var width = new Option<int>("--width")
        {
            Description = "Width in pixels.",
            DefaultValueFactory = _ => defaults.Width,
        }.InRange(200, 10000);
        var height = new Option<int>("--height")
        {
            Description = "Height in pixels.",
            DefaultValueFactory = _ => defaults.Height,
        }.InRange(150, 10000);
        var command = new Command(
            "chart",
            "Chart the server's statistics lines: one line per counter over time, log scale.")
        {
            log, baseDirectory, png, html, title, width, height,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(png) is null && result.GetValue(html) is null)
            {
                result.AddError("Give --png FILE, --html FILE or both.");
            }
        });
        command.SetAction(result =>
        {
            var options = new ChartOptions
            {
                Title = result.GetValue(title)!,
                Width = result.GetValue(width),
                Height = result.GetValue(height),
            };
            var logPath = result.GetValue(log)
                ?? BaseDirectory.EventLog(BaseDirectory.Resolve(result.GetValue(baseDirectory)));
            return Run(result, logPath, result.GetValue(png), result.GetValue(html), options);
        });
        return command;
    }

    private static int Run(ParseResult result, string logPath, string? png, string? html, ChartOptions options)
    {
        try
        {
            var table = StatisticsTable.From(StatisticsLogReader.ReadFile(logPath));
            if (png is not null)
            {
                PngChartRenderer.Render(table, png, options);
                result.Out().WriteLine(png);
            }

            if (html is not null)
            {
                HtmlChartRenderer.Render(table, html, options);
                result.Out().WriteLine(html);
            }

            return ExitCodes.Success;
        }
        catch (ToolException e)
        {
            result.Error().WriteLine($"jrdlm chart: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
