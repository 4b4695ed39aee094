using System.Globalization;
using System.Text;
using JackrabbitDlm.Engine.Validation;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Options;

/// <summary>
/// Everything a server is configured with. The defaults are a working server; see
/// <see cref="DlmServerOptionsLoader"/> for the chain of sources that may change them.
/// </summary>
public sealed record DlmServerOptions
{
    /// <summary>The port the original listens on.</summary>
    public const int DefaultPort = 37373;

    /// <summary>
    /// The original drops a connection sending more than 10 MiB without a newline.
    /// </summary>
    public const int DefaultMaxRequestBytes = 10 * 1024 * 1024;

    // Past this a single connection's buffer, or the table of connection slots, would be
    // unreasonably large; no deployment needs more.
    private const int MaxRequestBytesLimit = 256 * 1024 * 1024;
    private const int MaxConnectionsLimit = 1_000_000;
    private static readonly TimeSpan LongestDuration = TimeSpan.FromDays(24);

    /// <summary>
    /// The address to listen on: an IP address or host name; <c>0.0.0.0</c> is all.
    /// </summary>
    public string Host { get; init; } = "0.0.0.0";

    /// <summary>The TCP port; 0 lets the system pick a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Holds <c>Config/</c>, <c>Disk/</c>, <c>Logs/</c> and <c>Quarantine/</c>.</summary>
    public string BaseDirectory { get; init; } = DefaultBaseDirectory();

    /// <summary>
    /// Lock and Put answer <c>NO</c> while the process holds more RAM than this, in %.
    /// </summary>
    public double MemoryThresholdPercent { get; init; } = 33;

    /// <summary>The longest TTL, in seconds, an anonymous request may ask for.</summary>
    public double MaxAnonymousTtlSeconds { get; init; } = RequestLimits.DefaultMaxAnonymousTtlSeconds;

    /// <summary>
    /// The longest request line in bytes, newline excluded; longer ones close the connection.
    /// </summary>
    public int MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>
    /// The longest value in characters (code points) an anonymous request may carry.
    /// </summary>
    public int MaxAnonymousValueLength { get; init; } = RequestLimits.DefaultMaxAnonymousValueLength;

    /// <summary>A connection that sends no complete line for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most connections open at once; more are accepted and closed at once.</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>How often the statistics line is written to the event log.</summary>
    public TimeSpan StatisticsInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The most refused requests kept under <c>Quarantine/</c>.</summary>
    public int QuarantineMaxFiles { get; init; } = 1000;

    /// <summary>The most bytes kept under <c>Quarantine/</c>.</summary>
    public long QuarantineMaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// How long a stopping server lets requests in flight finish before closing them.
    /// </summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The least severe diagnostic messages written (<c>jrdlm serve</c>: to stderr).
    /// </summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Where entries live: one of <see cref="BackendNames.All"/>, in lower case.</summary>
    public string Backend { get; init; } = BackendNames.Memory;

    /// <summary>
    /// The SQLite backend's database file; empty for <c>Disk/jrdlm.db</c> under the base directory.
    /// </summary>
    public string SqlitePath { get; init; } = string.Empty;

    /// <summary>
    /// The filesystem backend's directory; empty for <c>Disk/entries</c> under the base directory.
    /// </summary>
    public string FileSystemPath { get; init; } = string.Empty;

    /// <summary>
    /// The Redis backend's StackExchange.Redis configuration string, e.g.
    /// <c>localhost:6379,password=…,ssl=true</c>. It may hold a password: never write it out
    /// whole (<see cref="RedisConfigurationText.Redact"/>).
    /// </summary>
    public string Redis { get; init; } = string.Empty;

    /// <summary>Put before every key the Redis backend makes.</summary>
    public string RedisKeyPrefix { get; init; } = "jrdlm:";

    // Options end up in logs and exception messages; the Redis configuration string may hold a
    // password, so it is printed redacted, and every other setting as it is.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Host = {Host}, Port = {Port}, ")
            .Append(CultureInfo.InvariantCulture, $"BaseDirectory = {BaseDirectory}, ")
            .Append(CultureInfo.InvariantCulture, $"MemoryThresholdPercent = {MemoryThresholdPercent}, ")
            .Append(CultureInfo.InvariantCulture, $"MaxAnonymousTtlSeconds = {MaxAnonymousTtlSeconds}, ")
            .Append(CultureInfo.InvariantCulture, $"MaxRequestBytes = {MaxRequestBytes}, ")
            .Append(CultureInfo.InvariantCulture, $"MaxAnonymousValueLength = {MaxAnonymousValueLength}, ")
            .Append(CultureInfo.InvariantCulture, $"IdleTimeout = {IdleTimeout}, ")
            .Append(CultureInfo.InvariantCulture, $"MaxConnections = {MaxConnections}, ")
            .Append(CultureInfo.InvariantCulture, $"StatisticsInterval = {StatisticsInterval}, ")
            .Append(CultureInfo.InvariantCulture, $"QuarantineMaxFiles = {QuarantineMaxFiles}, ")
            .Append(CultureInfo.InvariantCulture, $"QuarantineMaxBytes = {QuarantineMaxBytes}, ")
            .Append(CultureInfo.InvariantCulture, $"ShutdownGrace = {ShutdownGrace}, LogLevel = {LogLevel}, ")
            .Append(CultureInfo.InvariantCulture, $"Backend = {Backend}, SqlitePath = {SqlitePath}, ")
            .Append(CultureInfo.InvariantCulture, $"FileSystemPath = {FileSystemPath}, ")
            .Append(CultureInfo.InvariantCulture, $"Redis = {RedisConfigurationText.Redact(Redis)}, ")
            .Append(CultureInfo.InvariantCulture, $"RedisKeyPrefix = {RedisKeyPrefix}");
        return true;
    }

    /// <summary>
    /// The per-user data directory: <c>JackrabbitDLM</c> under the local application data folder
    /// (on Linux <c>~/.local/share</c>), so a server started without options writes nowhere shared.
    /// </summary>
    public static string DefaultBaseDirectory()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (string.IsNullOrEmpty(data))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            data = string.IsNullOrEmpty(home)
                ? Path.GetFullPath(".")
                : Path.Combine(home, ".local", "share");
        }

        return Path.Combine(data, "JackrabbitDLM");
    }

    /// <summary>Checks every value.</summary>
    /// <returns>One sentence per problem, naming its setting; empty when all is usable.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Check(bool valid, ServerSetting setting, string rule)
        {
            if (!valid)
            {
                problems.Add($"{setting.Describe()} {rule}.");
            }
        }

        Check(!string.IsNullOrWhiteSpace(Host), ServerSettings.Host, "must not be empty");
        Check(Port is >= 0 and <= 65535, ServerSettings.Port, "must be between 0 and 65535");
        Check(
            !string.IsNullOrWhiteSpace(BaseDirectory),
            ServerSettings.BaseDirectory,
            "must not be empty");
        Check(
            MemoryThresholdPercent is > 0 and <= 100,
            ServerSettings.MemoryThreshold,
            "must be a percentage above 0 and at most 100");
        Check(
            double.IsFinite(MaxAnonymousTtlSeconds) && MaxAnonymousTtlSeconds > 0,
            ServerSettings.MaxAnonymousTtl,
            "must be a positive number of seconds");
        Check(
            MaxRequestBytes is >= 64 and <= MaxRequestBytesLimit,
            ServerSettings.MaxRequestSize,
            "must be between 64 bytes and 256 MiB");
        Check(MaxAnonymousValueLength >= 0, ServerSettings.MaxAnonymousValue, "must not be negative");
        Check(
            IsPositive(IdleTimeout),
            ServerSettings.IdleTimeout,
            "must be positive and at most 24 days");
        Check(
            MaxConnections is >= 1 and <= MaxConnectionsLimit,
            ServerSettings.MaxConnections,
            "must be between 1 and 1000000");
        Check(
            IsPositive(StatisticsInterval),
            ServerSettings.StatisticsInterval,
            "must be positive and at most 24 days");
        Check(QuarantineMaxFiles >= 0, ServerSettings.QuarantineMaxFiles, "must not be negative");
        Check(QuarantineMaxBytes >= 0, ServerSettings.QuarantineMaxSize, "must not be negative");
        Check(
            ShutdownGrace == TimeSpan.Zero || IsPositive(ShutdownGrace),
            ServerSettings.ShutdownGrace,
            "must be between 0 and 24 days");
        Check(Enum.IsDefined(LogLevel), ServerSettings.LogLevel, "is not a log level");
        Check(
            BackendNames.IsKnown(Backend),
            ServerSettings.Backend,
            $"is \"{Backend}\"; it must be one of {string.Join(", ", BackendNames.All)}");
        Check(
            Backend != BackendNames.Redis || !string.IsNullOrWhiteSpace(Redis),
            ServerSettings.Redis,
            "must be set for the redis backend (a StackExchange.Redis configuration string, "
                + "e.g. localhost:6379)");
        Check(
            !string.IsNullOrWhiteSpace(RedisKeyPrefix),
            ServerSettings.RedisKeyPrefix,
            "must not be empty");
        return problems;
    }

    /// <summary>The SQLite backend's database file, with the default applied.</summary>
    public string ResolveSqlitePath() => string.IsNullOrWhiteSpace(SqlitePath)
        ? Path.Combine(BaseDirectory, "Disk", "jrdlm.db")
        : SqlitePath;

    /// <summary>The filesystem backend's directory, with the default applied.</summary>
    public string ResolveFileSystemPath() => string.IsNullOrWhiteSpace(FileSystemPath)
        ? Path.Combine(BaseDirectory, "Disk", "entries")
        : FileSystemPath;

    /// <summary>The limits the request validator applies to anonymous requests.</summary>
    public RequestLimits ToRequestLimits() => new()
    {
        MaxAnonymousTtlSeconds = MaxAnonymousTtlSeconds,
        MaxAnonymousValueLength = MaxAnonymousValueLength,
    };

    // Timers take at most about 49 days; 24 leaves room and is more than any setting needs.
    private static bool IsPositive(TimeSpan duration) =>
        duration > TimeSpan.Zero && duration <= LongestDuration;
}
