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
    /// <summary>The services a server started from the command line runs with.</summary>
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
        var filesLogger = loggerFactory.CreateLogger("JackrabbitDlm.Files");
        var eventLog = new EventLog(directories, time, filesLogger);
        var services = new ServerServices
        {
            EventLog = eventLog,
            Quarantine = new Quarantine(
                directories, options.QuarantineMaxFiles, options.QuarantineMaxBytes, time, filesLogger),
            Identities = new FileIdentityStore(directories),
            LoggerFactory = loggerFactory,
            Time = time,
            Directories = directories,
        };

        // Reading the ceiling now makes a damaged token file stop the start, before any token.
        var tokens = new FileTokenReservations(directories);
        _ = tokens.LoadCeiling();
        var pressure = new ProcessMemoryPressure(services.Counters, time, options.MemoryThresholdPercent);
        return services with
        {
            TokenReservations = tokens,
            SpillStore = new DiskValueStore(directories, time, filesLogger),
            Pressure = pressure,
            OwnedResources = [eventLog, pressure],
        };
    }
}
