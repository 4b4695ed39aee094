using JackrabbitDlm.Server.Options;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Tests.Options;

/// <summary>
/// The configuration chain: defaults, then the JSON file, then the environment, then flags.
/// </summary>
public sealed class DlmServerOptionsLoaderTests : IDisposable
{
    private static readonly Dictionary<string, string?> None = [];

    private readonly string _directory =
        Directory.CreateTempSubdirectory("jrdlm-options-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_NothingGiven_Defaults()
    {
        var options = DlmServerOptionsLoader.Load(null, None, None);

        Assert.Equal(new DlmServerOptions(), options);
        Assert.Equal("0.0.0.0", options.Host);
        Assert.Equal(37373, options.Port);
        Assert.EndsWith("JackrabbitDLM", options.BaseDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SampleConfig_EqualsDefaults()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "TestData", "jrdlm.sample.json");

        var options = DlmServerOptionsLoader.Load(sample, None, None);

        Assert.Equal(new DlmServerOptions(), options);
    }

    [Fact]
    public void Load_EachSource_LastOneWins()
    {
        var file = WriteConfig("""
            // comments are allowed
            { "Port": 1001, "Host": "127.0.0.1", "IdleTimeout": "5s", "MaxConnections": 7 }
            """);
        var environment = new Dictionary<string, string?>
        {
            ["JRDLM_PORT"] = "1002",
            ["JRDLM_IDLE_TIMEOUT"] = "500ms",
        };
        var flags = new Dictionary<string, string?> { ["Port"] = "1003" };

        var options = DlmServerOptionsLoader.Load(file, flags, environment);

        Assert.Equal(1003, options.Port);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.IdleTimeout);
        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(7, options.MaxConnections);
    }

    [Fact]
    public void Load_EnvironmentVariables_ReadByTheirNames()
    {
        var environment = new Dictionary<string, string?>
        {
            ["JACKRABBIT_BASE"] = _directory,
            ["JRDLM_MAX_REQUEST_SIZE"] = "1MiB",
            ["JRDLM_STATS_INTERVAL"] = "5m",
            ["JRDLM_LOG_LEVEL"] = "debug",
            ["JRDLM_HOST"] = "",
            ["JRDLM_UNRELATED"] = "ignored",
        };

        var options = DlmServerOptionsLoader.Load(null, None, environment);

        Assert.Equal(_directory, options.BaseDirectory);
        Assert.Equal(1024 * 1024, options.MaxRequestBytes);
        Assert.Equal(TimeSpan.FromMinutes(5), options.StatisticsInterval);
        Assert.Equal(LogLevel.Debug, options.LogLevel);
        Assert.Equal("0.0.0.0", options.Host);
    }

    [Fact]
    public void Load_ConfigFileFromEnvironment_Read()
    {
        var file = WriteConfig("""{ "MaxAnonymousTtlSeconds": 60 }""");

        var environment = new Dictionary<string, string?> { ["JRDLM_CONFIG"] = file };

        var options = DlmServerOptionsLoader.Load(null, None, environment);

        Assert.Equal(60, options.MaxAnonymousTtlSeconds);
    }

    [Theory]
    [InlineData("Port", "abc", "Port (--port, JRDLM_PORT): \"abc\" is not a whole number.")]
    [InlineData("Port", "70000", "Port (--port, JRDLM_PORT) must be between 0 and 65535.")]
    [InlineData("IdleTimeout", "0", "IdleTimeout (--idle-timeout, JRDLM_IDLE_TIMEOUT) must be positive")]
    [InlineData("IdleTimeout", "soon", "IdleTimeout (--idle-timeout, JRDLM_IDLE_TIMEOUT): \"soon\" is not")]
    [InlineData("MaxRequestBytes", "10 pc", "MaxRequestBytes (--max-request-size, JRDLM_MAX_REQUEST_SIZE): ")]
    [InlineData("MaxRequestBytes", "1GiB", "MaxRequestBytes (--max-request-size, JRDLM_MAX_REQUEST_SIZE) must")]
    [InlineData("MemoryThresholdPercent", "150", "MemoryThresholdPercent (--memory-threshold, JRDLM_MEMORY_")]
    [InlineData("MaxConnections", "0", "MaxConnections (--max-connections, JRDLM_MAX_CONNECTIONS) must be")]
    [InlineData("LogLevel", "loud", "LogLevel (--log-level, JRDLM_LOG_LEVEL): \"loud\" is not a log level")]
    [InlineData("Host", " ", "Host (--host, JRDLM_HOST) must not be empty.")]
    public void Load_BadValue_ErrorNamesSettingAndRule(string key, string value, string message)
    {
        var flags = new Dictionary<string, string?> { [key] = value };

        var error = Assert.Throws<ServerOptionsException>(() => Load(null, flags));

        Assert.Contains(error.Problems, problem => problem.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownKeyInConfigFile_Refused()
    {
        var file = WriteConfig("""{ "Prot": 1 }""");

        var error = Assert.Throws<ServerOptionsException>(() => Load(file));

        Assert.Contains("unknown setting \"Prot\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"Port\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"Port\": { \"Value\": 1 } }")]
    public void Load_MalformedConfigFile_Refused(string text)
    {
        var file = WriteConfig(text);

        var error = Assert.Throws<ServerOptionsException>(() => Load(file));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingConfigFile_Refused()
    {
        var file = Path.Combine(_directory, "absent.json");

        var error = Assert.Throws<ServerOptionsException>(() => Load(file));

        Assert.Equal($"Config file {file} does not exist.", error.Message);
    }

    [Theory]
    [InlineData("30", 30_000)]
    [InlineData("1.5", 1_500)]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("00:01:00", 60_000)]
    public void Duration_Forms_Parsed(string text, int milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
        Assert.True(DurationText.TryParse(DurationText.Format(duration), out var again));
        Assert.Equal(duration, again);
    }

    [Theory]
    [InlineData("65536", 65536)]
    [InlineData("64KiB", 65536)]
    [InlineData("10MiB", 10 * 1024 * 1024)]
    [InlineData("1 GiB", 1024 * 1024 * 1024)]
    public void ByteSize_Forms_Parsed(string text, long bytes)
    {
        Assert.True(ByteSizeText.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
        Assert.True(ByteSizeText.TryParse(ByteSizeText.Format(parsed), out var again));
        Assert.Equal(bytes, again);
    }

    private static DlmServerOptions Load(string? file, Dictionary<string, string?>? flags = null) =>
        DlmServerOptionsLoader.Load(file, flags ?? None, None);

    private string WriteConfig(string text)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }
}
