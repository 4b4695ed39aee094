using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Memory;
using JackrabbitDlm.Engine.Pressure;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Tokens;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Server.Files;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JackrabbitDlm.Server.Hosting;

/// <summary>
/// The parts a <see cref="DlmServer"/> is built from. <see cref="ServerComposition"/> makes the set
/// <c>jrdlm serve</c> uses; tests and embedders make their own.
/// </summary>
public sealed record ServerServices
{
    /// <summary>Where events, refusals and the statistics line go.</summary>
    public required IEventLog EventLog { get; init; }

    /// <summary>Where refused requests are kept.</summary>
    public required IQuarantine Quarantine { get; init; }

    /// <summary>Where identities (<c>Config/&lt;Name&gt;.cfg</c>) are looked up.</summary>
    public required IIdentityStore Identities { get; init; }

    /// <summary>
    /// Where fencing token reservations live; in memory unless a file store is given.
    /// </summary>
    public ITokenReservationStore TokenReservations { get; init; } = new VolatileTokenReservations();

    /// <summary>
    /// Where the memory backend keeps large values, or null to keep all in memory.
    /// </summary>
    public IValueSpillStore? SpillStore { get; init; }

    /// <summary>
    /// The process's memory use against the threshold; Lock and Put answer <c>NO</c> above it.
    /// </summary>
    public IMemoryPressure Pressure { get; init; } = NoMemoryPressure.Instance;

    /// <summary>
    /// The statistics counters; a given <see cref="Backend"/> must count into the same set.
    /// </summary>
    public CounterSet Counters { get; init; } = new();

    /// <summary>
    /// The backend, or null for the memory backend built from the services above. The server
    /// disposes it when it is disposed.
    /// </summary>
    public IEntryBackend? Backend { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// The base directory, when the server has one: it then writes <c>Logs/&lt;port&gt;.pid</c>
    /// while it runs.
    /// </summary>
    public BaseDirectory? Directories { get; init; }

    /// <summary>Parts the server disposes when it is disposed, after the backend.</summary>
    public IReadOnlyList<IDisposable> OwnedResources { get; init; } = [];

    /// <summary>Where diagnostic messages go; nowhere by default.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
