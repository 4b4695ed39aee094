using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Options;

/// <summary>
/// Builds <see cref="DlmServerOptions"/> from, last one winning: the built-in defaults, an
/// optional JSON config file (comments allowed), the environment, and command-line flags.
/// </summary>
public static class DlmServerOptionsLoader
{
    /// <summary>Loads and validates the options.</summary>
    /// <param name="configFile">A JSON config file, or null for <c>JRDLM_CONFIG</c> if set.</param>
    /// <param name="flags">Command-line values by <see cref="ServerSetting.Key"/>.</param>
    /// <param name="environment">The environment; see <see cref="ReadProcessEnvironment"/>.</param>
    /// <exception cref="ServerOptionsException">
    /// The config file is missing or malformed, or a value is malformed or out of range.
    /// </exception>
    public static DlmServerOptions Load(
        string? configFile,
        IReadOnlyDictionary<string, string?> flags,
        IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(environment);

        var problems = new List<string>();
        var builder = new ConfigurationBuilder();
        var file = configFile ?? environment.GetValueOrDefault(ServerSettings.ConfigFileVariable);
        if (!string.IsNullOrWhiteSpace(file))
        {
            AddConfigFile(builder, Path.GetFullPath(file), problems);
        }

        builder.AddInMemoryCollection(FromEnvironment(environment));
        builder.AddInMemoryCollection(flags);
        var options = problems.Count == 0
            ? Read(builder.Build(), problems)
            : new DlmServerOptions();

        problems.AddRange(options.Validate());
        if (problems.Count > 0)
        {
            throw new ServerOptionsException(problems);
        }

        return options;
    }

    /// <summary>A snapshot of this process's environment variables.</summary>
    public static IReadOnlyDictionary<string, string?> ReadProcessEnvironment()
    {
        var snapshot = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            snapshot[(string)variable.Key] = variable.Value as string;
        }

        return snapshot;
    }

    private static void AddConfigFile(
        ConfigurationBuilder builder,
        string path,
        List<string> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add($"Config file {path} does not exist.");
            return;
        }

        // Parsed once on its own first, so a syntax error or a misspelt key is reported as such
        // instead of being silently ignored.
        try
        {
            var fileOnly = new ConfigurationBuilder()
                .AddJsonFile(path, optional: false, reloadOnChange: false)
                .Build();
            CheckKeys(fileOnly, path, problems);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
        {
            problems.Add($"Config file {path} is not a JSON object: {e.Message}");
            return;
        }

        builder.AddJsonFile(path, optional: false, reloadOnChange: false);
    }

    private static void CheckKeys(IConfiguration fileOnly, string path, List<string> problems)
    {
        foreach (var child in fileOnly.GetChildren())
        {
            var setting = Find(child.Key);
            if (setting is null)
            {
                problems.Add($"Config file {path}: unknown setting \"{child.Key}\".");
            }
            else if (child.Value is null && child.GetChildren().Any())
            {
                problems.Add($"Config file {path}: \"{child.Key}\" must be a single value.");
            }
        }
    }

    private static ServerSetting? Find(string key)
    {
        foreach (var setting in ServerSettings.All)
        {
            if (string.Equals(setting.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return setting;
            }
        }

        return null;
    }

    private static Dictionary<string, string?> FromEnvironment(
        IReadOnlyDictionary<string, string?> environment)
    {
        // An empty variable counts as unset, as shells make clearing one awkward.
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in ServerSettings.All)
        {
            if (environment.GetValueOrDefault(setting.EnvironmentVariable) is { Length: > 0 } value)
            {
                values[setting.Key] = value;
            }
        }

        return values;
    }

    // One entry per setting, in table order, to check against ServerSettings at a glance.
    private static DlmServerOptions Read(IConfiguration config, List<string> problems)
    {
        var read = new SettingReader(config, problems);
        var defaults = new DlmServerOptions();
        return defaults with
        {
            Host = read.Text(ServerSettings.Host) ?? defaults.Host,
            Port = ToInt(read.Integer(ServerSettings.Port)) ?? defaults.Port,
            BaseDirectory = read.Text(ServerSettings.BaseDirectory) ?? defaults.BaseDirectory,
            MemoryThresholdPercent =
                read.Number(ServerSettings.MemoryThreshold) ?? defaults.MemoryThresholdPercent,
            MaxAnonymousTtlSeconds =
                read.Number(ServerSettings.MaxAnonymousTtl) ?? defaults.MaxAnonymousTtlSeconds,
            MaxRequestBytes = ToInt(read.Size(ServerSettings.MaxRequestSize)) ?? defaults.MaxRequestBytes,
            MaxAnonymousValueLength =
                ToInt(read.Integer(ServerSettings.MaxAnonymousValue)) ?? defaults.MaxAnonymousValueLength,
            IdleTimeout = read.Duration(ServerSettings.IdleTimeout) ?? defaults.IdleTimeout,
            MaxConnections = ToInt(read.Integer(ServerSettings.MaxConnections)) ?? defaults.MaxConnections,
            StatisticsInterval =
                read.Duration(ServerSettings.StatisticsInterval) ?? defaults.StatisticsInterval,
            QuarantineMaxFiles =
                ToInt(read.Integer(ServerSettings.QuarantineMaxFiles)) ?? defaults.QuarantineMaxFiles,
            QuarantineMaxBytes =
                read.Size(ServerSettings.QuarantineMaxSize) ?? defaults.QuarantineMaxBytes,
            ShutdownGrace = read.Duration(ServerSettings.ShutdownGrace) ?? defaults.ShutdownGrace,
            LogLevel = read.LogLevel(ServerSettings.LogLevel) ?? defaults.LogLevel,
            Backend = read.Text(ServerSettings.Backend)?.ToLowerInvariant() ?? defaults.Backend,
            SqlitePath = read.Text(ServerSettings.SqlitePath) ?? defaults.SqlitePath,
            FileSystemPath = read.Text(ServerSettings.FileSystemPath) ?? defaults.FileSystemPath,
            Redis = read.Text(ServerSettings.Redis) ?? defaults.Redis,
            RedisKeyPrefix = read.Text(ServerSettings.RedisKeyPrefix) ?? defaults.RedisKeyPrefix,
        };
    }

    // Values past the int range are clamped, not wrapped, so validation reports them as out of
    // range instead of as some other number.
    private static int? ToInt(long? value) =>
        value is { } v ? (int)Math.Clamp(v, int.MinValue, int.MaxValue) : null;

    private readonly struct SettingReader(IConfiguration config, List<string> problems)
    {
        private const string LogLevelNames =
            "a log level (Trace, Debug, Information, Warning, Error, Critical, None)";

        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        public string? Text(ServerSetting setting)
        {
            var text = config[setting.Key];
            if (text is not null && string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"{setting.Describe()} must not be empty.");
                return null;
            }

            return text?.Trim();
        }

        public long? Integer(ServerSetting setting) => Parse(setting, "a whole number", text =>
            (long.TryParse(text, NumberStyles.AllowLeadingSign, Invariant, out var n), n));

        public double? Number(ServerSetting setting) => Parse(setting, "a number", text =>
            (double.TryParse(text, NumberStyles.Float, Invariant, out var n), n));

        public long? Size(ServerSetting setting) =>
            Parse(setting, "a size in bytes (e.g. 65536, 64KiB, 10MiB)", text =>
                (ByteSizeText.TryParse(text, out var n), n));

        public TimeSpan? Duration(ServerSetting setting) =>
            Parse(setting, "a duration (seconds, or e.g. 500ms, 30s, 5m, 1h, 00:00:30)", text =>
                (DurationText.TryParse(text, out var d), d));

        // Names only: Enum.TryParse also takes numbers, which no one means as a log level.
        public LogLevel? LogLevel(ServerSetting setting) => Parse(setting, LogLevelNames, text =>
            (Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level)
                && Enum.IsDefined(level) && !char.IsAsciiDigit(text[0]), level));

        private T? Parse<T>(
            ServerSetting setting,
            string expected,
            Func<string, (bool Ok, T Value)> parse)
            where T : struct
        {
            var text = Text(setting);
            if (text is null)
            {
                return null;
            }

            var (ok, value) = parse(text);
            if (!ok)
            {
                problems.Add($"{setting.Describe()}: \"{text}\" is not {expected}.");
                return null;
            }

            return value;
        }
    }
}
