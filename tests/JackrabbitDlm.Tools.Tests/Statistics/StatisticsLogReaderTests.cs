using JackrabbitDlm.Tools.Statistics;
using JackrabbitDlm.Tools.Tests.Infrastructure;

namespace JackrabbitDlm.Tools.Tests.Statistics;

public sealed class StatisticsLogReaderTests
{
    [Fact]
    public void TryParseLine_StatisticsLine_ReadsTimeAndEveryCounter()
    {
        const string line = "2026-12-04 17:00:00.000123 AData: 3, ALock: 2, Connections: 40, "
            + "Get: 5, Lock: 12, MemoryMax: 1.5, NotOwner: 7";

        Assert.True(StatisticsLogReader.TryParseLine(line, out var record));

        Assert.Equal(new DateTime(2026, 12, 4, 17, 0, 0).AddTicks(1230), record.Timestamp);
        Assert.Equal(
            new Dictionary<string, double>
            {
                ["AData"] = 3, ["ALock"] = 2, ["Connections"] = 40, ["Get"] = 5,
                ["Lock"] = 12, ["MemoryMax"] = 1.5, ["NotOwner"] = 7,
            },
            record.Counters);
    }

    [Fact]
    public void TryParseLine_OneCounter_IsStatistics()
    {
        Assert.True(StatisticsLogReader.TryParseLine("2026-12-04 17:00:00.5 Lock: 1", out var record));
        Assert.Equal(1, record.Counters["Lock"]);
    }

    [Fact]
    public void TryParseLine_NoFraction_IsRead()
    {
        Assert.True(StatisticsLogReader.TryParseLine("2026-12-04 17:00:00 Lock: 1", out var record));
        Assert.Equal(new DateTime(2026, 12, 4, 17, 0, 0), record.Timestamp);
    }

    [Theory]
    [InlineData("2026-12-04 16:00:00.123456 Jackrabbit DLM 1.0.0")]
    [InlineData("2026-12-04 16:00:01.000001 DLMerror/Payload: 127.0.0.1/q-00000017.json")]
    [InlineData("2026-12-04 16:00:01.000001 DLMerror/MaxTTL: ::1/-")]
    [InlineData("2026-12-04 16:00:01.000001 Lock: 5, DLMerror/Payload: 127.0.0.1/x")]
    [InlineData("2026-12-04 16:00:01.000001 Lock: many")]
    [InlineData("2026-12-04 16:00:01.000001 Lock: NaN")]
    [InlineData("2026-12-04 16:00:01.000001 Lock:5")]
    [InlineData("2026-12-04 16:00:01.000001 ")]
    [InlineData("2026-12-04 16:00:01.000001")]
    [InlineData("Lock: 5, Unlock: 5")]
    [InlineData("yesterday 16:00 Lock: 5")]
    [InlineData("")]
    public void TryParseLine_NotAStatisticsLine_IsSkipped(string line)
    {
        Assert.False(StatisticsLogReader.TryParseLine(line, out _));
    }

    [Fact]
    public void Read_MixedLog_KeepsOnlyStatisticsInOrder()
    {
        const string log = """
            2026-12-04 16:00:00.000001 Jackrabbit DLM 1.0.0
            2026-12-04 17:00:00.000001 Lock: 1, Unlock: 1
            2026-12-04 17:10:00.000001 DLMerror/Payload: 127.0.0.1/q-1.json
            2026-12-04 18:00:00.000001 Get: 4, Lock: 2
            """;

        var records = StatisticsLogReader.Read(new StringReader(log));

        Assert.Equal(2, records.Count);
        Assert.Equal(17, records[0].Timestamp.Hour);
        Assert.Equal(4, records[1].Counters["Get"]);
    }

    [Fact]
    public void ReadFile_SampleLog_ReadsEveryStatisticsLine()
    {
        var lines = File.ReadAllLines(SampleLog.Path);

        var records = StatisticsLogReader.ReadFile(SampleLog.Path);

        var expected = lines.Count(line => !line.Contains("Jackrabbit DLM", StringComparison.Ordinal)
            && !line.Contains("DLMerror/", StringComparison.Ordinal));
        Assert.Equal(expected, records.Count);
        Assert.All(records, record => Assert.True(record.Counters.ContainsKey("Lock")));
    }

    [Fact]
    public void ReadFile_Missing_ThrowsToolExceptionNamingIt()
    {
        var error = Assert.Throws<ToolException>(
            () => StatisticsLogReader.ReadFile("/nonexistent/jrdlm/JackrabbitDLM.log"));

        Assert.Contains("JackrabbitDLM.log", error.Message, StringComparison.Ordinal);
    }
}
