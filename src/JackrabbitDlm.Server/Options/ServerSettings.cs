using System.Globalization;

namespace JackrabbitDlm.Server.Options;

/// <summary>
/// Every option of <see cref="DlmServerOptions"/> with its config key, command-line flag and
/// environment variable: the one table the loader, the help text and the sample config follow.
/// </summary>
public static class ServerSettings
{
    /// <summary>
    /// The environment variable naming a JSON config file, as <c>--config</c> does.
    /// </summary>
    public const string ConfigFileVariable = "JRDLM_CONFIG";

    public static readonly ServerSetting Host = new(
        "Host", "--host", "JRDLM_HOST", "address",
        "IP address or host name to listen on; 0.0.0.0 means every interface",
        o => o.Host);

    public static readonly ServerSetting Port = new(
        "Port", "--port", "JRDLM_PORT", "port",
        "TCP port to listen on; 0 picks a free port",
        o => Text(o.Port));

    // The original server reads JACKRABBIT_BASE; keeping the name lets existing setups move over.
    public static readonly ServerSetting BaseDirectory = new(
        "BaseDirectory", "--base", "JACKRABBIT_BASE", "directory",
        "Directory holding Config/, Disk/, Logs/ and Quarantine/",
        o => o.BaseDirectory);

    public static readonly ServerSetting MemoryThreshold = new(
        "MemoryThresholdPercent", "--memory-threshold", "JRDLM_MEMORY_THRESHOLD", "percent",
        "Answer NO to Lock and Put while the server holds more than this share of RAM",
        o => Text(o.MemoryThresholdPercent));

    public static readonly ServerSetting MaxAnonymousTtl = new(
        "MaxAnonymousTtlSeconds", "--max-anonymous-ttl", "JRDLM_MAX_ANONYMOUS_TTL", "seconds",
        "Longest TTL an anonymous request may ask for",
        o => Text(o.MaxAnonymousTtlSeconds));

    public static readonly ServerSetting MaxRequestSize = new(
        "MaxRequestBytes", "--max-request-size", "JRDLM_MAX_REQUEST_SIZE", "bytes",
        "Longest request line (e.g. 10485760 or 10MiB); longer ones close the connection",
        o => ByteSizeText.Format(o.MaxRequestBytes));

    public static readonly ServerSetting MaxAnonymousValue = new(
        "MaxAnonymousValueLength", "--max-anonymous-value", "JRDLM_MAX_ANONYMOUS_VALUE", "chars",
        "Longest value an anonymous request may carry",
        o => Text(o.MaxAnonymousValueLength));

    public static readonly ServerSetting IdleTimeout = new(
        "IdleTimeout", "--idle-timeout", "JRDLM_IDLE_TIMEOUT", "duration",
        "Close a connection that sends no complete line this long (seconds, or 500ms, 5m, 1h)",
        o => DurationText.Format(o.IdleTimeout));

    public static readonly ServerSetting MaxConnections = new(
        "MaxConnections", "--max-connections", "JRDLM_MAX_CONNECTIONS", "count",
        "Most connections open at once; more are accepted and closed at once",
        o => Text(o.MaxConnections));

    public static readonly ServerSetting StatisticsInterval = new(
        "StatisticsInterval", "--stats-interval", "JRDLM_STATS_INTERVAL", "duration",
        "How often the statistics line goes to the event log (seconds, or 5m, 1h)",
        o => DurationText.Format(o.StatisticsInterval));

    public static readonly ServerSetting QuarantineMaxFiles = new(
        "QuarantineMaxFiles", "--quarantine-max-files", "JRDLM_QUARANTINE_MAX_FILES", "count",
        "Most refused requests kept under Quarantine/",
        o => Text(o.QuarantineMaxFiles));

    public static readonly ServerSetting QuarantineMaxSize = new(
        "QuarantineMaxBytes", "--quarantine-max-size", "JRDLM_QUARANTINE_MAX_SIZE", "bytes",
        "Most bytes kept under Quarantine/ (e.g. 64MiB)",
        o => ByteSizeText.Format(o.QuarantineMaxBytes));

    public static readonly ServerSetting ShutdownGrace = new(
        "ShutdownGrace", "--shutdown-grace", "JRDLM_SHUTDOWN_GRACE", "duration",
        "On stop, how long requests in flight may take to finish",
        o => DurationText.Format(o.ShutdownGrace));

    public static readonly ServerSetting LogLevel = new(
        "LogLevel", "--log-level", "JRDLM_LOG_LEVEL", "level",
        "Least severe diagnostic messages shown: Trace, Debug, Information, Warning, Error",
        o => o.LogLevel.ToString());

    public static readonly ServerSetting Backend = new(
        "Backend", "--backend", "JRDLM_BACKEND", "name",
        $"Where entries live: {string.Join(", ", BackendNames.All)} (see docs/backends.md)",
        o => o.Backend);

    public static readonly ServerSetting SqlitePath = new(
        "SqlitePath", "--sqlite-path", "JRDLM_SQLITE_PATH", "file",
        "Database file of the sqlite backend",
        o => string.IsNullOrWhiteSpace(o.SqlitePath)
            ? "<base>/Disk/jrdlm.db"
            : o.SqlitePath);

    public static readonly ServerSetting FileSystemPath = new(
        "FileSystemPath", "--fs-path", "JRDLM_FS_PATH", "directory",
        "Directory of the filesystem backend",
        o => string.IsNullOrWhiteSpace(o.FileSystemPath)
            ? "<base>/Disk/entries"
            : o.FileSystemPath);

    // Shown redacted wherever it is shown: the string may carry the Redis password.
    public static readonly ServerSetting Redis = new(
        "Redis", "--redis", "JRDLM_REDIS", "config",
        "StackExchange.Redis configuration of the redis backend, e.g. localhost:6379,ssl=true",
        o => RedisConfigurationText.Redact(o.Redis));

    public static readonly ServerSetting RedisKeyPrefix = new(
        "RedisKeyPrefix", "--redis-prefix", "JRDLM_REDIS_PREFIX", "prefix",
        "Put before every key the redis backend makes; on Redis Cluster use a hash tag ({jrdlm}:)",
        o => o.RedisKeyPrefix);

    /// <summary>Every setting, in the order help texts list them.</summary>
    public static IReadOnlyList<ServerSetting> All { get; } =
    [
        Host, Port, BaseDirectory, MemoryThreshold, MaxAnonymousTtl, MaxRequestSize,
        MaxAnonymousValue, IdleTimeout, MaxConnections, StatisticsInterval, QuarantineMaxFiles,
        QuarantineMaxSize, ShutdownGrace, LogLevel, Backend, SqlitePath, FileSystemPath, Redis,
        RedisKeyPrefix,
    ];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
