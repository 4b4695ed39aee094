using System.Buffers.Binary;
using JackrabbitDlm.Tools.Charts;
using JackrabbitDlm.Tools.Statistics;
using JackrabbitDlm.Tools.Tests.Infrastructure;
using SkiaSharp;

namespace JackrabbitDlm.Tools.Tests.Charts;

public sealed class PngChartRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Render_SampleLog_WritesPngOfRequestedSize()
    {
        using var temp = new TempDirectory();
        var table = StatisticsTable.From(StatisticsLogReader.ReadFile(SampleLog.Path));

        PngChartRenderer.Render(table, temp.File("chart.png"), new ChartOptions { Width = 800, Height = 450 });

        var bytes = File.ReadAllBytes(temp.File("chart.png"));
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(450, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public void Render_SeparateSeries_DrawsEachInItsColour()
    {
        using var temp = new TempDirectory();
        var start = new DateTime(2026, 12, 4, 0, 0, 0);
        var records = Enumerable.Range(0, 24).Select(hour => new StatisticsRecord(
            start.AddHours(hour),
            new Dictionary<string, double>
            {
                ["Get"] = 3 + (hour % 2), ["Lock"] = 40 + hour, ["NotOwner"] = 700,
                ["Out"] = 9000 - hour, ["In"] = 100000 + (hour * 1000),
            }));
        var table = StatisticsTable.From(records);

        PngChartRenderer.Render(table, temp.File("chart.png"));

        using var bitmap = SKBitmap.Decode(temp.File("chart.png"));
        Assert.Equal(new ChartOptions().Width, bitmap.Width);
        Assert.Equal(new ChartOptions().Height, bitmap.Height);
        var pixels = bitmap.Pixels.Distinct().ToArray();
        for (var i = 0; i < table.Counters.Count; i++)
        {
            // Lines are anti-aliased: a series shows as pixels close to its colour.
            var colour = SKColor.Parse(ChartPalette.Hex(i));
            Assert.True(pixels.Any(pixel => Close(pixel, colour)), $"{table.Counters[i]} is not drawn");
        }
    }

    private static bool Close(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) <= 12 && Math.Abs(a.Green - b.Green) <= 12 && Math.Abs(a.Blue - b.Blue) <= 12;

    [Fact]
    public void Render_EmptyTable_ThrowsAndWritesNothing()
    {
        using var temp = new TempDirectory();

        Assert.Throws<ToolException>(
            () => PngChartRenderer.Render(StatisticsTable.From([]), temp.File("chart.png")));

        Assert.False(File.Exists(temp.File("chart.png")));
    }

    [Fact]
    public void Render_TooSmall_Throws()
    {
        using var temp = new TempDirectory();
        var table = StatisticsTable.From(StatisticsLogReader.ReadFile(SampleLog.Path));

        Assert.Throws<ToolException>(() => PngChartRenderer.Render(
            table, temp.File("chart.png"), new ChartOptions { Width = 10, Height = 10 }));
    }
}
