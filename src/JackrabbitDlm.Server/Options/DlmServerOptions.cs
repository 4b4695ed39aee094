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

    /// <summary>The original drops a connection that sends more than 10 MiB without a newline.</summary>
    public const int DefaultMaxRequestBytes = 10 * 1024 * 1024;

    // Past this a single connection's buffer, or the table of connection slots, would be
    // unreasonably large; no deployment needs more.
    private const int MaxRequestBytesLimit = 256 * 1024 * 1024;
    private const int MaxConnectionsLimit = 1_000_000;
    private static readonly TimeSpan LongestDuration = TimeSpan.FromDays(24);

    /// <summary>The address to listen on: an IP address or a host name; <c>0.0.0.0</c> is every interface.</summary>
    public string Host { get; init; } = "0.0.0.0";

    /// <summary>The TCP port; 0 lets the system pick a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The directory holding <c>Config/</c>, <c>Disk/</c>, <c>Logs/</c> and <c>Quarantine/</c>.</summary>
    public string BaseDirectory { get; init; } = DefaultBaseDirectory();

    /// <summary>Lock and Put answer <c>NO</c> while the process holds more than this share of RAM, in percent.</summary>
    public double MemoryThresholdPercent { get; init; } = 33;

    /// <summary>The longest TTL, in seconds, an anonymous request may ask for.</summary>
    public double MaxAnonymousTtlSeconds { get; init; } = RequestLimits.DefaultMaxAnonymousTtlSeconds;

    /// <summary>The longest request line in bytes, newline excluded; a longer one closes the connection.</summary>
    public int MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>The longest value, in characters (code points), an anonymous request may carry.</summary>
    public int MaxAnonymousValueLength { get; init; } = RequestLimits.DefaultMaxAnonymousValueLength;

    /// <summary>A connection that sends no complete line for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most connections open at once; further ones are accepted and closed at once.</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>How often the statistics line is written to the event log.</summary>
    public TimeSpan StatisticsInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The most refused requests kept under <c>Quarantine/</c>.</summary>
    public int QuarantineMaxFiles { get; init; } = 1000;

    /// <summary>The most bytes kept under <c>Quarantine/</c>.</summary>
    public long QuarantineMaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>How long a stopping server lets requests in flight finish before it closes their connections.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The least severe diagnostic log messages written (to standard error by <c>jrdlm serve</c>).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

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
            data = string.IsNullOrEmpty(home) ? Path.GetFullPath(".") : Path.Combine(home, ".local", "share");
        }

        return Path.Combine(data, "JackrabbitDLM");
    }

    /// <summary>Checks every value.</summary>
    /// <returns>One sentence per problem, naming the setting; empty when the options are usable.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Check(problems, !string.IsNullOrWhiteSpace(Host), ServerSettings.Host, "must not be empty");
        Check(problems, Port is >= 0 and <= 65535, ServerSettings.Port, "must be between 0 and 65535");
        Check(problems, !string.IsNullOrWhiteSpace(BaseDirectory), ServerSettings.BaseDirectory, "must not be empty");
        Check(
            problems,
            MemoryThresholdPercent is > 0 and <= 100,
            ServerSettings.MemoryThreshold,
            "must be a percentage above 0 and at most 100");
        Check(
            problems,
            double.IsFinite(MaxAnonymousTtlSeconds) && MaxAnonymousTtlSeconds > 0,
            ServerSettings.MaxAnonymousTtl,
            "must be a positive number of seconds");
        Check(
            problems,
            MaxRequestBytes is >= 64 and <= MaxRequestBytesLimit,
            ServerSettings.MaxRequestSize,
            "must be between 64 bytes and 256 MiB");
        Check(problems, MaxAnonymousValueLength >= 0, ServerSettings.MaxAnonymousValue, "must not be negative");
        Check(problems, IsPositive(IdleTimeout), ServerSettings.IdleTimeout, "must be positive and at most 24 days");
        Check(
            problems,
            MaxConnections is >= 1 and <= MaxConnectionsLimit,
            ServerSettings.MaxConnections,
            "must be between 1 and 1000000");
        Check(
            problems,
            IsPositive(StatisticsInterval),
            ServerSettings.StatisticsInterval,
            "must be positive and at most 24 days");
        Check(problems, QuarantineMaxFiles >= 0, ServerSettings.QuarantineMaxFiles, "must not be negative");
        Check(problems, QuarantineMaxBytes >= 0, ServerSettings.QuarantineMaxSize, "must not be negative");
        Check(
            problems,
            ShutdownGrace == TimeSpan.Zero || IsPositive(ShutdownGrace),
            ServerSettings.ShutdownGrace,
            "must be between 0 and 24 days");
        Check(problems, Enum.IsDefined(LogLevel), ServerSettings.LogLevel, "is not a log level");
        return problems;
    }

    /// <summary>The limits the request validator applies to anonymous requests.</summary>
    public RequestLimits ToRequestLimits() => new()
    {
        MaxAnonymousTtlSeconds = MaxAnonymousTtlSeconds,
        MaxAnonymousValueLength = MaxAnonymousValueLength,
    };

    // Timers take at most about 49 days; 24 leaves room and is more than any setting needs.
    private static bool IsPositive(TimeSpan duration) => duration > TimeSpan.Zero && duration <= LongestDuration;

    private static void Check(List<string> problems, bool valid, ServerSetting setting, string rule)
    {
        if (!valid)
        {
            problems.Add($"{setting.Describe()} {rule}.");
        }
    }
}
