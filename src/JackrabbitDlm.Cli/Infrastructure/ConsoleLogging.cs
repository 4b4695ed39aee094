using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>
/// Diagnostic logging for commands: everything to standard error, so standard output stays for
/// results.
/// </summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(LogLevel minimumLevel) => LoggerFactory.Create(logging =>
        logging.SetMinimumLevel(minimumLevel)
        .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
        .AddSimpleConsole(format =>
        {
            format.SingleLine = true;
            format.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
        }));
}
