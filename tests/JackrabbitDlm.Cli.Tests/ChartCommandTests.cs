using JackrabbitDlm.Cli.Tests.Infrastructure;
using JackrabbitDlm.Tools;

namespace JackrabbitDlm.Cli.Tests;

public sealed class ChartCommandTests
{
    private static readonly string SampleLog =
        Path.Combine(AppContext.BaseDirectory, "TestData", "JackrabbitDLM.log");

    [Fact]
    public async Task Chart_PngAndHtml_WritesBoth()
    {
        using var temp = new TempDirectory();
        var png = temp.File("stats.png");
        var html = temp.File("stats.html");

        var outcome = await Jrdlm.RunAsync("chart", "--log", SampleLog, "--png", png, "--html", html);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal([png, html], outcome.OutputLines);
        Assert.Equal(0x89, File.ReadAllBytes(png)[0]);
        Assert.Contains("data-counter=\"Lock\"", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_NoLogOption_ReadsTheLogUnderBase()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "Logs"));
        File.Copy(SampleLog, Path.Combine(temp.Path, "Logs", "JackrabbitDLM.log"));

        var outcome = await Jrdlm.RunAsync("chart", "--base", temp.Path, "--html", temp.File("c.html"));

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.True(File.Exists(temp.File("c.html")));
    }

    [Fact]
    public async Task Chart_MissingLog_ExitsFailureNamingIt()
    {
        using var temp = new TempDirectory();

        var outcome = await Jrdlm.RunAsync("chart", "--log", temp.File("none.log"), "--png", temp.File("c.png"));

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Contains("none.log", outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("c.png")));
    }

    [Fact]
    public async Task Chart_LogWithoutStatistics_ExitsFailure()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.File("x.log"), "2026-12-04 16:00:00.000001 Jackrabbit DLM 1.0.0\n");

        var outcome = await Jrdlm.RunAsync("chart", "--log", temp.File("x.log"), "--html", temp.File("c.html"));

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Contains("no statistics", outcome.Error, StringComparison.Ordinal);
    }
}
