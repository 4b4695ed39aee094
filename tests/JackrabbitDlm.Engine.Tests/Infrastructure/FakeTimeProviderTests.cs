namespace JackrabbitDlm.Engine.Tests.Infrastructure;

/// <summary>The test clock itself: the expiry tests are only as good as it is.</summary>
public sealed class FakeTimeProviderTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Advance_MovesBothClocks()
    {
        var start = _clock.GetTimestamp();
        var wallStart = _clock.GetUtcNow();

        _clock.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(TimeSpan.FromSeconds(90), _clock.GetElapsedTime(start));
        Assert.Equal(wallStart + TimeSpan.FromSeconds(90), _clock.GetUtcNow());
    }

    [Fact]
    public void UtcNow_SetAlone_LeavesTheTimestamp()
    {
        var start = _clock.GetTimestamp();

        _clock.UtcNow -= TimeSpan.FromDays(1);

        Assert.Equal(TimeSpan.Zero, _clock.GetElapsedTime(start));
    }

    [Fact]
    public void Timer_FiresWhenDueAndThenEveryPeriod()
    {
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, Seconds(2), Seconds(1));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, fired);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, fired);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, fired);
    }

    [Fact]
    public void Timer_InfiniteOrDisposed_NeverFires()
    {
        var fired = 0;
        var infinite = Timeout.InfiniteTimeSpan;
        using var never = _clock.CreateTimer(_ => fired++, null, infinite, infinite);
        var disposed = _clock.CreateTimer(_ => fired++, null, Seconds(1), Seconds(1));
        disposed.Dispose();

        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, fired);
        Assert.Equal(1, _clock.TimerCount);
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);
}
