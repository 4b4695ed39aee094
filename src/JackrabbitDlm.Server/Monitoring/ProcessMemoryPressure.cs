using JackrabbitDlm.Engine.Pressure;
using JackrabbitDlm.Engine.Statistics;

namespace JackrabbitDlm.Server.Monitoring;

/// <summary>
/// Samples the process's working set on a timer and compares it with the memory threshold: a
/// share (33% by default, as the original) of the memory available to the process, container
/// limits included. Raises the <c>MemoryMax</c> gauge to the peak share, in percent. Thread-safe.
/// </summary>
public sealed class ProcessMemoryPressure : IMemoryPressure, IDisposable
{
    /// <summary>The original's threshold: 33% of the memory available.</summary>
    public const double DefaultThresholdPercent = 33;

    /// <summary>How often memory is sampled unless told otherwise.</summary>
    public static readonly TimeSpan DefaultSampleInterval = TimeSpan.FromSeconds(1);

    private readonly CounterSet _counters;
    private readonly Func<long> _readUsedBytes;
    private readonly ITimer _timer;
    private long _usedBytes;
    private double _usageOfThreshold;

    /// <summary>Starts sampling this process's memory.</summary>
    /// <param name="counters">Whose <c>MemoryMax</c> gauge to raise.</param>
    /// <param name="time">The clock that runs the sampling timer.</param>
    /// <param name="thresholdPercent">The threshold, in percent of the memory available.</param>
    /// <param name="sampleInterval">How often to sample; once a second when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The percentage is not above 0 and at most 100, or the interval is not positive.
    /// </exception>
    public ProcessMemoryPressure(
        CounterSet counters,
        TimeProvider time,
        double thresholdPercent = DefaultThresholdPercent,
        TimeSpan? sampleInterval = null)
        : this(
            counters,
            time,
            thresholdPercent,
            sampleInterval ?? DefaultSampleInterval,
            static () => Environment.WorkingSet,
            MemoryLimit.AvailableBytes())
    {
    }

    /// <summary>Samples <paramref name="readUsedBytes"/> against <paramref name="availableBytes"/>.</summary>
    internal ProcessMemoryPressure(
        CounterSet counters,
        TimeProvider time,
        double thresholdPercent,
        TimeSpan sampleInterval,
        Func<long> readUsedBytes,
        long availableBytes)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(readUsedBytes);
        if (!(thresholdPercent > 0 && thresholdPercent <= 100))
        {
            throw new ArgumentOutOfRangeException(
                nameof(thresholdPercent), thresholdPercent, "The threshold must be above 0 and at most 100.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(sampleInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(availableBytes, 0);

        _counters = counters;
        _readUsedBytes = readUsedBytes;
        AvailableBytes = availableBytes;
        ThresholdBytes = Math.Max(1, (long)(availableBytes * (thresholdPercent / 100)));
        Sample();
        _timer = time.CreateTimer(_ => Sample(), null, sampleInterval, sampleInterval);
    }

    /// <summary>The memory available to the process, in bytes.</summary>
    public long AvailableBytes { get; }

    /// <summary>The threshold, in bytes: above it, <c>Lock</c> and <c>Put</c> answer <c>NO</c>.</summary>
    public long ThresholdBytes { get; }

    /// <summary>The working set at the last sample, in bytes.</summary>
    public long UsedBytes => Interlocked.Read(ref _usedBytes);

    /// <inheritdoc />
    public double UsageOfThreshold => Volatile.Read(ref _usageOfThreshold);

    /// <summary>Stops sampling; the last sample stays.</summary>
    public void Dispose() => _timer.Dispose();

    /// <summary>Takes one sample now; the timer calls it, tests may too.</summary>
    internal void Sample()
    {
        long used;
        try
        {
            used = _readUsedBytes();
        }
        catch (Exception ex)
            when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Keep the last sample: one failed reading must not look like zero use.
            return;
        }

        Interlocked.Exchange(ref _usedBytes, used);
        Volatile.Write(ref _usageOfThreshold, (double)used / ThresholdBytes);
        _counters.RaiseTo(Counter.MemoryMax, (long)Math.Round(used * 100.0 / AvailableBytes));
    }
}
