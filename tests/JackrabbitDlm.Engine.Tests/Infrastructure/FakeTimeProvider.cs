namespace JackrabbitDlm.Engine.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when a test moves it. The monotonic timestamp and the wall clock are
/// kept apart, so a test can jump the wall clock alone. Timers fire during <see cref="Advance"/>,
/// at most once per call, on the calling thread.
/// </summary>
internal sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _utcNow = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private long _timestamp = 1_000_000;

    /// <summary>One timestamp unit is one <see cref="TimeSpan"/> tick.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The wall clock; setting it leaves the monotonic timestamp alone.</summary>
    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _utcNow;
            }
        }

        set
        {
            lock (_gate)
            {
                _utcNow = value;
            }
        }
    }

    public int TimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _timestamp;
        }
    }

    /// <summary>Moves both clocks forward, then fires every timer that came due.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        List<FakeTimer> due;
        lock (_gate)
        {
            _utcNow += by;
            _timestamp += by.Ticks;
            due = _timers.Where(timer => timer.TakeIfDue(_timestamp)).ToList();
        }

        // Outside the lock: a callback may read the clock or change its own timer.
        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(
        TimerCallback callback,
        object? state,
        TimeSpan dueTime,
        TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider clock, TimerCallback callback, object? state)
        : ITimer
    {
        private const long Never = long.MaxValue;

        private long _dueAt = Never;
        private long _periodTicks;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var now = clock.GetTimestamp();
            lock (clock._gate)
            {
                _dueAt = dueTime == Timeout.InfiniteTimeSpan ? Never : now + dueTime.Ticks;
                _periodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            }

            return true;
        }

        /// <summary>Called under the clock's lock: true when due; sets the next due time.</summary>
        public bool TakeIfDue(long now)
        {
            if (_dueAt > now)
            {
                return false;
            }

            _dueAt = _periodTicks > 0 ? now + _periodTicks : Never;
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
