using JackrabbitDlm.Engine.Statistics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JackrabbitDlm.Backends.FileSystem;

/// <summary>Where the filesystem backend keeps its entries and how it writes them.</summary>
public sealed record FileSystemBackendOptions
{
    /// <summary>The directory that holds the entries, made when missing; on a local filesystem.</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// The clock. Expiries are wall-clock instants (Unix milliseconds), so every process sharing
    /// the directory must run on one machine.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long an action waits for another process holding the same entry's file lock before
    /// the backend answers <c>NO</c> (backend unavailable).
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True (the default) to flush every written file and its directory to the disk before
    /// answering, so an answered change survives a power cut; false survives only a crash of the
    /// process.
    /// </summary>
    public bool DurableWrites { get; init; } = true;

    /// <summary>How often expired entry files are removed in the background.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where <c>ExpiredLock</c> and <c>ExpiredData</c> are counted.</summary>
    public CounterSet Counters { get; init; } = new();

    public ILogger Logger { get; init; } = NullLogger.Instance;
}
