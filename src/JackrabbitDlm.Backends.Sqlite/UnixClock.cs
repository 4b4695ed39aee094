namespace JackrabbitDlm.Backends.Sqlite;

/// <summary>
/// The backend's clock: wall-clock time as Unix milliseconds. A monotonic clock starts anew in
/// every process, so it cannot order expiries that outlive a restart or that several processes
/// on one machine share.
/// </summary>
internal static class UnixClock
{
    public static TimeSpan Now(TimeProvider time) =>
        TimeSpan.FromMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    public static long ToMilliseconds(TimeSpan instant) => instant.Ticks / TimeSpan.TicksPerMillisecond;

    public static TimeSpan FromMilliseconds(long milliseconds) =>
        TimeSpan.FromMilliseconds(milliseconds);
}
