using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Tokens;
using JackrabbitDlm.Server.Files;
using JackrabbitDlm.Server.Monitoring;
using JackrabbitDlm.Server.Options;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Hosting;

/// <summary>
/// The composition root of <c>jrdlm serve</c>: which implementation serves each part. Everything
/// that lives on disk lives under the base directory (PROTOCOL.md section 10).
/// </summary>
public static class ServerComposition
{
    /// <summary>
    /// The services a server started from the command line runs with. For the memory backend
    /// that is everything; for another, the caller opens it and sets
    /// <see cref="ServerServices.Backend"/>, and the memory backend's value files and token
    /// ceiling file are left alone.
    /// </summary>
    /// <param name="options">Validated options; the base directory holds the file-based parts.</param>
    /// <param name="loggerFactory">Where diagnostic messages go.</param>
    /// <exception cref="IOException">The base directory cannot be created or written.</exception>
    /// <exception cref="InvalidDataException">The fencing token file is damaged: starting could hand out old tokens.</exception>
    public static ServerServices CreateDefault(DlmServerOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        var time = TimeProvider.System;
        var directories = new BaseDirectory(options.BaseDirectory);
        directories.EnsureCreated();

        // A persistent backend stores values itself and hands out tokens from its own counter;
        // the caller opens it and sets ServerServices.Backend.
        var inMemory = options.Backend == BackendNames.Memory;

        // Reading the ceiling first makes a damaged token file stop the start before any token,
        // and before anything is opened that would then need closing.
        FileTokenReservations? tokens = inMemory ? new(directories) : null;
        _ = tokens?.LoadCeiling();

        var filesLogger = loggerFactory.CreateLogger("JackrabbitDlm.Files");
        var eventLog = new EventLog(directories, time, filesLogger);
        var counters = new CounterSet();
        var pressure = new ProcessMemoryPressure(counters, time, options.MemoryThresholdPercent);
        return new ServerServices
        {
            EventLog = eventLog,
            Quarantine = new Quarantine(
                directories, options.QuarantineMaxFiles, options.QuarantineMaxBytes, time, filesLogger),
            Identities = new FileIdentityStore(directories),
            TokenReservations = (ITokenReservationStore?)tokens ?? new VolatileTokenReservations(),
            SpillStore = inMemory ? new DiskValueStore(directories, time, filesLogger) : null,
            Pressure = pressure,
            Counters = counters,
            LoggerFactory = loggerFactory,
            Time = time,
            Directories = directories,
            OwnedResources = [eventLog, pressure],
        };
    }
}
