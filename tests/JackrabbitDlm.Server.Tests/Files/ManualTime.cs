namespace JackrabbitDlm.Server.Tests.Files;

/// <summary>
/// A clock that moves only when told to. Timers fire inside <see cref="Advance"/>, on the caller's
/// thread, so tests see every tick without waiting.
/// </summary>
internal sealed class ManualTime : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly TimeZoneInfo _zone;
    private DateTimeOffset _utcNow;
    private long _ticks;

    public ManualTime(DateTimeOffset utcNow, TimeZoneInfo? zone = null)
    {
        _utcNow = utcNow.ToUniversalTime();
        _zone = zone ?? TimeZoneInfo.Utc;
    }

    public override TimeZoneInfo LocalTimeZone => _zone;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _utcNow;
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _ticks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    /// <summary>Moves both clocks forward and fires the timers that came due, in order.</summary>
    public void Advance(TimeSpan by)
    {
        ManualTimer[] timers;
        lock (_gate)
        {
            _utcNow += by;
            _ticks += by.Ticks;
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.FireDue(GetTimestamp());
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTime time, TimerCallback callback, object? state) : ITimer
    {
        private long _dueTicks = long.MaxValue;
        private long _periodTicks;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _dueTicks = dueTime == Timeout.InfiniteTimeSpan ? long.MaxValue : time.GetTimestamp() + dueTime.Ticks;
            _periodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            return true;
        }

        public void FireDue(long now)
        {
            while (_dueTicks <= now)
            {
                _dueTicks = _periodTicks > 0 ? _dueTicks + _periodTicks : long.MaxValue;
                callback(state);
            }
        }

        public void Dispose()
        {
            _dueTicks = long.MaxValue;
            time.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
