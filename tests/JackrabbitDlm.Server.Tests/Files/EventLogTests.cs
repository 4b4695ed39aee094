using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Tests.Files;

public sealed class EventLogTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 34, 56, TimeSpan.Zero);

    private readonly TempBase _base = new();
    private readonly ManualTime _time = new(Noon.AddTicks(1234560));

    public void Dispose() => _base.Dispose();

    private string LogFile => Path.Combine(_base.Directories.Logs, "JackrabbitDLM.log");

    [Fact]
    public void Write_FixedClock_WritesTimestampToTheMicrosecondAndMessage()
    {
        using (var log = new EventLog(_base.Directories, _time))
        {
            log.Write("Jackrabbit DLM 1.0.0");
        }

        Assert.Equal("2026-12-04 12:34:56.123456 Jackrabbit DLM 1.0.0\n", File.ReadAllText(LogFile));
    }

    [Fact]
    public void Write_WholeSecond_StillWritesSixFractionDigits()
    {
        using (var log = new EventLog(_base.Directories, new ManualTime(Noon)))
        {
            log.Write("x");
        }

        Assert.Equal("2026-12-04 12:34:56.000000 x\n", File.ReadAllText(LogFile));
    }

    [Fact]
    public void Write_LocalZoneAhead_StampsLocalTime()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test+02", TimeSpan.FromHours(2), "Test+02", "Test+02");
        using (var log = new EventLog(_base.Directories, new ManualTime(Noon, zone)))
        {
            log.Write("local");
        }

        Assert.Equal("2026-12-04 14:34:56.000000 local\n", File.ReadAllText(LogFile));
    }

    [Fact]
    public void Write_AfterTheFileWasMovedAway_StartsANewFileAtThePath()
    {
        using var log = new EventLog(_base.Directories, _time);
        log.Write("before");
        File.Move(LogFile, LogFile + ".1");

        _time.Advance(TimeSpan.FromSeconds(2));
        log.Write("after");

        Assert.EndsWith(" before\n", File.ReadAllText(LogFile + ".1"));
        Assert.EndsWith(" after\n", File.ReadAllText(LogFile));
        Assert.DoesNotContain("before", File.ReadAllText(LogFile));
    }

    [Fact]
    public void Write_AfterTheFileWasTruncated_GoesOnFromItsNewEndWithoutNulBytes()
    {
        using var log = new EventLog(_base.Directories, _time);
        log.Write("first line, long enough to matter");
        using (var truncate = new FileStream(LogFile, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            truncate.SetLength(0);
        }

        _time.Advance(TimeSpan.FromSeconds(2));
        log.Write("second");

        var text = File.ReadAllText(LogFile);
        Assert.DoesNotContain('\0', text);
        Assert.EndsWith(" second\n", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void WriteRefusal_WritesTheOriginalsErrorLine()
    {
        using (var log = new EventLog(_base.Directories, _time))
        {
            log.WriteRefusal(RefusalReason.MaxTTL, "127.0.0.1:50412", "20261204-123456-123456-00000001-MaxTTL.req");
            log.WriteRefusal(RefusalReason.Identity, "[::1]:4000", "-");
        }

        Assert.Equal(
            "2026-12-04 12:34:56.123456 DLMerror/MaxTTL: 127.0.0.1:50412/20261204-123456-123456-00000001-MaxTTL.req\n"
            + "2026-12-04 12:34:56.123456 DLMerror/Identity: [::1]:4000/-\n",
            File.ReadAllText(LogFile));
    }

    [Fact]
    public void WriteStatistics_NonZeroCountersSortedByName()
    {
        var counters = new CounterSet();
        counters.Add(Counter.Lock, 3);
        counters.Add(Counter.AData, 2);
        counters.RaiseTo(Counter.MemoryMax, 7);
        counters.Increment(Counter.Out);
        counters.Add(Counter.ALock, 10);
        counters.Add(Counter.BadPayload, 1);

        using (var log = new EventLog(_base.Directories, _time))
        {
            log.WriteStatistics(counters);
        }

        Assert.Equal(
            "2026-12-04 12:34:56.123456 AData: 2, ALock: 10, BadPayload: 1, Lock: 3, MemoryMax: 7, Out: 1\n",
            File.ReadAllText(LogFile));
    }

    [Fact]
    public void Write_MessageWithLineBreaks_StaysOneLine()
    {
        using (var log = new EventLog(_base.Directories, _time))
        {
            log.Write("one\ntwo\r\nthree");
        }

        Assert.Equal("2026-12-04 12:34:56.123456 one two  three\n", File.ReadAllText(LogFile));
    }

    [Fact]
    public void Write_SecondRun_AppendsToTheFile()
    {
        using (var log = new EventLog(_base.Directories, _time))
        {
            log.Write("first run");
        }

        using (var log = new EventLog(_base.Directories, _time))
        {
            log.Write("second run");
        }

        Assert.Equal(["first run", "second run"], File.ReadAllLines(LogFile).Select(l => l[27..]));
    }

    [Fact]
    public void Write_LineIsOnDiskBeforeDispose()
    {
        using var log = new EventLog(_base.Directories, _time);

        log.Write("flushed");

        using var reader = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Assert.Equal("2026-12-04 12:34:56.123456 flushed\n", new StreamReader(reader).ReadToEnd());
    }

    [Fact]
    public void Write_LogsFolderMissing_DoesNotThrowAndRecoversWhenItIsBack()
    {
        using var log = new EventLog(_base.Directories, _time);
        Directory.Delete(_base.Directories.Logs);

        log.Write("lost");
        Directory.CreateDirectory(_base.Directories.Logs);
        log.Write("kept");

        Assert.Equal("2026-12-04 12:34:56.123456 kept\n", File.ReadAllText(LogFile));
    }

    [Fact]
    public void Write_ManyThreads_EveryLineWholeAndPresent()
    {
        const int Threads = 8;
        const int LinesEach = 200;
        using (var log = new EventLog(_base.Directories, _time))
        {
            Parallel.For(0, Threads, t =>
            {
                for (var i = 0; i < LinesEach; i++)
                {
                    log.Write($"thread {t} line {i:D3}");
                }
            });
        }

        var lines = File.ReadAllLines(LogFile);
        Assert.Equal(Threads * LinesEach, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^2026-12-04 12:34:56\.123456 thread \d line \d{3}$", line));
        Assert.Equal(Threads * LinesEach, lines.Distinct().Count());
    }

    [Fact]
    public void Write_AfterDispose_IsDropped()
    {
        var log = new EventLog(_base.Directories, _time);
        log.Write("before");
        log.Dispose();

        log.Write("after");

        Assert.Equal("2026-12-04 12:34:56.123456 before\n", File.ReadAllText(LogFile));
    }
}
