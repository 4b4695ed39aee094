using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Backends.Sqlite;

internal static partial class Log
{
    [LoggerMessage(
        EventId = 1100, Level = LogLevel.Information, Message = "SQLite backend opened {Path}")]
    public static partial void Opened(ILogger logger, string path);

    [LoggerMessage(
        EventId = 1101,
        Level = LogLevel.Warning,
        Message = "SQLite database {Path} unavailable; answering NO until it recovers")]
    public static partial void Unavailable(ILogger logger, string path, Exception exception);

    [LoggerMessage(
        EventId = 1102, Level = LogLevel.Information, Message = "SQLite database {Path} available again")]
    public static partial void Recovered(ILogger logger, string path);

    [LoggerMessage(
        EventId = 1103, Level = LogLevel.Error, Message = "Sweeping expired entries from {Path} failed")]
    public static partial void SweepFailed(ILogger logger, string path, Exception exception);
}
