using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Files;

/// <summary>Diagnostic log messages of the server's files; event ids 3000-3099.</summary>
internal static partial class FilesLog
{
    [LoggerMessage(3001, LogLevel.Warning, "Cannot delete the value file {File}")]
    public static partial void ValueFileNotDeleted(this ILogger logger, string file);

    [LoggerMessage(3002, LogLevel.Warning, "Discarded the damaged value file {File}")]
    public static partial void ValueFileDamaged(this ILogger logger, string file);

    [LoggerMessage(3003, LogLevel.Information, "Found {Count} values on disk, discarded {Discarded} files")]
    public static partial void ValuesLoaded(this ILogger logger, int count, int discarded);

    [LoggerMessage(3010, LogLevel.Error, "Cannot write the event log {Path}")]
    public static partial void EventLogFailed(this ILogger logger, string path, Exception exception);

    [LoggerMessage(3011, LogLevel.Information, "Writing the event log {Path} again")]
    public static partial void EventLogRecovered(this ILogger logger, string path);

    [LoggerMessage(3020, LogLevel.Warning, "Cannot keep a refused request in {Directory}")]
    public static partial void QuarantineFailed(this ILogger logger, string directory, Exception exception);

    [LoggerMessage(3021, LogLevel.Warning,
        "Quarantine full ({MaxFiles} files, {MaxBytes} bytes): the oldest requests make room for new ones")]
    public static partial void QuarantineFull(this ILogger logger, int maxFiles, long maxBytes);
}
