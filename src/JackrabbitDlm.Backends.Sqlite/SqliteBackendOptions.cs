using JackrabbitDlm.Engine.Statistics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JackrabbitDlm.Backends.Sqlite;

/// <summary>Where the SQLite backend keeps its entries and how it treats the file.</summary>
public sealed record SqliteBackendOptions
{
    /// <summary>The database file; it and its directory are made when missing.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The clock. Expiries are wall-clock instants (Unix milliseconds), so every process sharing
    /// the file must run on one machine, or on machines whose clocks agree.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long an action waits for another process's transaction on the same file before the
    /// backend answers <c>NO</c> (backend unavailable).
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True (the default) to make every commit durable against a power cut (<c>synchronous =
    /// FULL</c>); false trades that for speed (<c>NORMAL</c>): a crash of the process still loses
    /// nothing, a power cut may lose the last commits.
    /// </summary>
    public bool DurableCommits { get; init; } = true;

    /// <summary>How often expired rows are deleted in the background.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where <c>ExpiredLock</c> and <c>ExpiredData</c> are counted.</summary>
    public CounterSet Counters { get; init; } = new();

    public ILogger Logger { get; init; } = NullLogger.Instance;
}
