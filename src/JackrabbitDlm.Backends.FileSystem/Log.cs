using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Backends.FileSystem;

internal static partial class Log
{
    [LoggerMessage(
        EventId = 1200,
        Level = LogLevel.Information,
        Message = "Filesystem backend opened {Directory}")]
    public static partial void Opened(ILogger logger, string directory);

    [LoggerMessage(
        EventId = 1201,
        Level = LogLevel.Warning,
        Message = "Entry directory {Directory} unavailable; answering NO until it recovers")]
    public static partial void Unavailable(ILogger logger, string directory, Exception exception);

    [LoggerMessage(
        EventId = 1202,
        Level = LogLevel.Information,
        Message = "Entry directory {Directory} available again")]
    public static partial void Recovered(ILogger logger, string directory);

    [LoggerMessage(
        EventId = 1203,
        Level = LogLevel.Warning,
        Message = "Entry file {Path} is damaged and was removed")]
    public static partial void DamagedEntry(ILogger logger, string path, Exception exception);

    [LoggerMessage(
        EventId = 1204,
        Level = LogLevel.Error,
        Message = "Sweeping expired entries from {Directory} failed")]
    public static partial void SweepFailed(ILogger logger, string directory, Exception exception);
}
