using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Backends.Redis;

internal static partial class Log
{
    [LoggerMessage(
        EventId = 1300,
        Level = LogLevel.Information,
        Message = "Redis backend connected to {Endpoints} with key prefix {KeyPrefix}")]
    public static partial void Opened(ILogger logger, string endpoints, string keyPrefix);

    [LoggerMessage(
        EventId = 1301,
        Level = LogLevel.Warning,
        Message = "Redis at {Endpoints} unavailable; answering NO until it recovers")]
    public static partial void Unavailable(ILogger logger, string endpoints, Exception exception);

    [LoggerMessage(
        EventId = 1302, Level = LogLevel.Information, Message = "Redis at {Endpoints} available again")]
    public static partial void Recovered(ILogger logger, string endpoints);

    [LoggerMessage(
        EventId = 1303,
        Level = LogLevel.Warning,
        Message = "Entry {EntryKey} changed under {Attempts} attempts in a row; answering NO")]
    public static partial void Contended(ILogger logger, string entryKey, int attempts);

    [LoggerMessage(
        EventId = 1304, Level = LogLevel.Error, Message = "Pruning the count indexes on {Endpoints} failed")]
    public static partial void SweepFailed(ILogger logger, string endpoints, Exception exception);
}
