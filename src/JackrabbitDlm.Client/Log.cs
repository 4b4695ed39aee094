using JackrabbitDlm.Protocol.Wire;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Client;

/// <summary>The client's log messages. Owner ids and identity secrets are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Connected to {Host}:{Port}")]
    public static partial void ConnectionOpened(ILogger logger, string host, int port);

    [LoggerMessage(2, LogLevel.Debug, "The server closed the kept-alive connection; reconnecting")]
    public static partial void KeptConnectionClosed(ILogger logger);

    [LoggerMessage(3, LogLevel.Debug, "{Action} of {EntryKey} answered {Status}")]
    public static partial void RequestAnswered(
        ILogger logger, DlmAction action, string entryKey, string status);

    [LoggerMessage(4, LogLevel.Warning, "Attempt {Attempt} to reach {Host}:{Port} failed; retrying")]
    public static partial void AttemptFailed(
        ILogger logger, string host, int port, int attempt, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "{Host}:{Port} could not be reached in {Attempts} attempts")]
    public static partial void ServerUnreachable(
        ILogger logger, string host, int port, int attempts, Exception exception);

    [LoggerMessage(10, LogLevel.Debug, "Lock {EntryKey} acquired with fencing token {Token}")]
    public static partial void LockAcquired(ILogger logger, string entryKey, long? token);

    [LoggerMessage(11, LogLevel.Debug, "Lock {EntryKey} renewed until {ExpiresAt}")]
    public static partial void LockRenewed(ILogger logger, string entryKey, DateTimeOffset expiresAt);

    [LoggerMessage(12, LogLevel.Warning, "Renewal of lock {EntryKey} failed; trying again")]
    public static partial void RenewalFailed(ILogger logger, string entryKey, Exception exception);

    [LoggerMessage(13, LogLevel.Warning, "Lock {EntryKey} lost: {Reason}")]
    public static partial void LockLost(ILogger logger, string entryKey, string reason);

    [LoggerMessage(14, LogLevel.Debug, "Lock {EntryKey} released")]
    public static partial void LockReleased(ILogger logger, string entryKey);

    [LoggerMessage(15, LogLevel.Warning, "Release of lock {EntryKey} failed; it ends at its expiry")]
    public static partial void ReleaseFailed(ILogger logger, string entryKey, Exception exception);
}
