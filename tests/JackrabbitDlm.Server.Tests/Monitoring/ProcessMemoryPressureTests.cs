using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Server.Monitoring;
using JackrabbitDlm.Server.Tests.Files;

namespace JackrabbitDlm.Server.Tests.Monitoring;

public sealed class ProcessMemoryPressureTests
{
    private const long Available = 1_000_000;

    private readonly ManualTime _time = new(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));
    private readonly CounterSet _counters = new();
    private long _used;

    [Fact]
    public void UsageOfThreshold_IsUsedOverAShareOfAvailable()
    {
        _used = 165_000;

        using var pressure = NewPressure(thresholdPercent: 33);

        Assert.Equal(330_000, pressure.ThresholdBytes);
        Assert.Equal(0.5, pressure.UsageOfThreshold, 6);
    }

    [Fact]
    public void UsageOfThreshold_ChangesOnlyWhenTheTimerSamples()
    {
        _used = 100_000;
        using var pressure = NewPressure(thresholdPercent: 50);

        _used = 750_000;
        Assert.Equal(0.2, pressure.UsageOfThreshold, 6);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1.5, pressure.UsageOfThreshold, 6);
    }

    [Fact]
    public void Sample_RaisesMemoryMaxToThePeakPercentOfAvailable()
    {
        _used = 100_000;
        using var pressure = NewPressure(thresholdPercent: 33);
        Assert.Equal(10, _counters.Get(Counter.MemoryMax));

        _used = 50_000;
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, _counters.Get(Counter.MemoryMax));

        _used = 254_000;
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(25, _counters.Get(Counter.MemoryMax));
    }

    [Fact]
    public void Sample_ReadingFails_KeepsTheLastSample()
    {
        _used = 330_000;
        using var pressure = NewPressure(thresholdPercent: 33);

        _used = -1;
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1.0, pressure.UsageOfThreshold, 6);
    }

    [Fact]
    public void Dispose_StopsSampling()
    {
        _used = 100_000;
        var pressure = NewPressure(thresholdPercent: 50);

        pressure.Dispose();
        _used = 400_000;
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0.2, pressure.UsageOfThreshold, 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Constructor_PercentOutOfRange_Throws(double percent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcessMemoryPressure(_counters, _time, percent));
    }

    [Fact]
    public void Constructor_ThisProcess_ReportsRealUse()
    {
        using var pressure = new ProcessMemoryPressure(_counters, _time);

        Assert.True(pressure.UsedBytes > 0);
        Assert.True(pressure.AvailableBytes > pressure.UsedBytes);
        Assert.Equal((double)pressure.UsedBytes / pressure.ThresholdBytes, pressure.UsageOfThreshold, 6);
        Assert.InRange(pressure.ThresholdBytes, pressure.AvailableBytes * 32 / 100, pressure.AvailableBytes * 33 / 100);
    }

    private ProcessMemoryPressure NewPressure(double thresholdPercent) =>
        new(_counters, _time, thresholdPercent, TimeSpan.FromSeconds(1), ReadUsed, Available);

    private long ReadUsed() => _used >= 0 ? _used : throw new IOException("cannot read memory use");
}
