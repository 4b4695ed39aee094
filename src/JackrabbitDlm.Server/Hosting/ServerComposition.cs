using JackrabbitDlm.Server.Options;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Hosting;

/// <summary>The composition root of <c>jrdlm serve</c>: which implementation serves each part.</summary>
public static class ServerComposition
{
    /// <summary>The services a server started from the command line runs with.</summary>
    /// <param name="options">The validated options; the base directory locates the file-based parts.</param>
    /// <param name="loggerFactory">Where diagnostic messages go.</param>
    public static ServerServices CreateDefault(DlmServerOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        // No file-based part is wired in yet: events go to the diagnostic log, refused requests
        // are not kept, no identity is known (authenticated requests are refused), tokens and
        // values live in memory, and memory pressure is not measured. Each of these is one line
        // here to replace with its file-backed implementation under options.BaseDirectory.
        return new ServerServices
        {
            EventLog = new LoggerEventLog(loggerFactory.CreateLogger("JackrabbitDlm.EventLog")),
            Quarantine = DiscardingQuarantine.Instance,
            Identities = EmptyIdentityStore.Instance,
            LoggerFactory = loggerFactory,
        };
    }
}
