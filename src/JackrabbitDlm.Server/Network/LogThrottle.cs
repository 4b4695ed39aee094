namespace JackrabbitDlm.Server.Network;

/// <summary>
/// Lets one message through per interval and counts the rest, so a flood (a connection storm
/// at the cap, a failing accept) cannot flood the log. Thread-safe.
/// </summary>
internal sealed class LogThrottle
{
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private long _nextAllowed;
    private long _suppressed;

    public LogThrottle(TimeProvider time, TimeSpan interval)
    {
        _time = time;
        _intervalTicks = (long)(interval.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>True when a message may be written now.</summary>
    /// <param name="suppressed">How many were held back since the last one written.</param>
    public bool TryEnter(out long suppressed)
    {
        suppressed = 0;
        var now = _time.GetTimestamp();
        var next = Volatile.Read(ref _nextAllowed);
        var mine = now >= next
            && Interlocked.CompareExchange(ref _nextAllowed, now + _intervalTicks, next) == next;
        if (!mine)
        {
            Interlocked.Increment(ref _suppressed);
            return false;
        }

        suppressed = Interlocked.Exchange(ref _suppressed, 0);
        return true;
    }
}
