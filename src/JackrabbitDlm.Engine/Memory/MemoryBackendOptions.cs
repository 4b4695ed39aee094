using JackrabbitDlm.Engine.Pressure;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Tokens;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>What the memory backend is built from; everything but the clock has a default.</summary>
public sealed record MemoryBackendOptions
{
    /// <summary>The clock; expiry uses its monotonic timestamps, so wall-clock jumps change nothing.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where fencing token reservations are kept; in memory unless the host gives a file.</summary>
    public ITokenReservationStore TokenReservations { get; init; } = new VolatileTokenReservations();

    /// <summary>Where large values go (section 11), or null to keep every value in memory.</summary>
    public IValueSpillStore? SpillStore { get; init; }

    public SpillPolicy SpillPolicy { get; init; } = new();

    public IMemoryPressure Pressure { get; init; } = NoMemoryPressure.Instance;

    public CounterSet Counters { get; init; } = new();

    /// <summary>How often the background sweep purges expired entries.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
