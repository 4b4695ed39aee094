using JackrabbitDlm.Server.Options;

namespace JackrabbitDlm.Server.Tests.Options;

/// <summary>
/// The settings that choose and place the backend, through every configuration source.
/// </summary>
public sealed class BackendSettingsTests : IDisposable
{
    private static readonly Dictionary<string, string?> None = [];

    private readonly string _directory =
        Directory.CreateTempSubdirectory("jrdlm-backend-options-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_NothingGiven_MemoryWithDefaultPlaces()
    {
        var loaded = DlmServerOptionsLoader.Load(null, None, None);

        var options = loaded with { BaseDirectory = _directory };

        Assert.Equal(BackendNames.Memory, options.Backend);
        Assert.Equal("jrdlm:", options.RedisKeyPrefix);
        Assert.Equal(string.Empty, options.Redis);
        Assert.Equal(Path.Combine(_directory, "Disk", "jrdlm.db"), options.ResolveSqlitePath());
        Assert.Equal(Path.Combine(_directory, "Disk", "entries"), options.ResolveFileSystemPath());
    }

    [Fact]
    public void Load_ConfigFile_ReadsEveryBackendSetting()
    {
        var file = Path.Combine(_directory, "jrdlm.json");
        File.WriteAllText(file, """
            {
              "Backend": "SQLite",
              "SqlitePath": "/srv/dlm/table.db",
              "FileSystemPath": "/srv/dlm/entries",
              "Redis": "redis.example:6380,ssl=true",
              "RedisKeyPrefix": "{dlm}:"
            }
            """);

        var options = DlmServerOptionsLoader.Load(file, None, None);

        Assert.Equal(BackendNames.Sqlite, options.Backend);
        Assert.Equal("/srv/dlm/table.db", options.ResolveSqlitePath());
        Assert.Equal("/srv/dlm/entries", options.ResolveFileSystemPath());
        Assert.Equal("redis.example:6380,ssl=true", options.Redis);
        Assert.Equal("{dlm}:", options.RedisKeyPrefix);
    }

    [Fact]
    public void Load_Environment_ReadsEveryBackendSetting()
    {
        var environment = new Dictionary<string, string?>
        {
            ["JRDLM_BACKEND"] = "redis",
            ["JRDLM_SQLITE_PATH"] = "/srv/a.db",
            ["JRDLM_FS_PATH"] = "/srv/fs",
            ["JRDLM_REDIS"] = "localhost:6379,password=pw",
            ["JRDLM_REDIS_PREFIX"] = "app1:",
        };

        var options = DlmServerOptionsLoader.Load(null, None, environment);

        Assert.Equal(BackendNames.Redis, options.Backend);
        Assert.Equal("/srv/a.db", options.SqlitePath);
        Assert.Equal("/srv/fs", options.FileSystemPath);
        Assert.Equal("localhost:6379,password=pw", options.Redis);
        Assert.Equal("app1:", options.RedisKeyPrefix);
    }

    [Fact]
    public void Load_Flags_WinOverEnvironmentAndFile()
    {
        var file = Path.Combine(_directory, "jrdlm.json");
        File.WriteAllText(
            file, """{ "Backend": "redis", "Redis": "file:1", "SqlitePath": "/f.db" }""");
        var environment = new Dictionary<string, string?>
        {
            ["JRDLM_BACKEND"] = "sqlite",
            ["JRDLM_FS_PATH"] = "/env/fs",
            ["JRDLM_REDIS_PREFIX"] = "env:",
        };
        var flags = new Dictionary<string, string?>
        {
            ["Backend"] = "filesystem",
            ["SqlitePath"] = "/flag.db",
            ["FileSystemPath"] = "/flag/fs",
            ["Redis"] = "flag:2",
            ["RedisKeyPrefix"] = "flag:",
        };

        var options = DlmServerOptionsLoader.Load(file, flags, environment);

        Assert.Equal(BackendNames.FileSystem, options.Backend);
        Assert.Equal("/flag.db", options.SqlitePath);
        Assert.Equal("/flag/fs", options.FileSystemPath);
        Assert.Equal("flag:2", options.Redis);
        Assert.Equal("flag:", options.RedisKeyPrefix);
    }

    [Fact]
    public void Load_UnknownBackend_MessageListsTheValidNames()
    {
        var flags = new Dictionary<string, string?> { ["Backend"] = "postgres" };

        var error = Assert.Throws<ServerOptionsException>(
            () => DlmServerOptionsLoader.Load(null, flags, None));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(
            "Backend (--backend, JRDLM_BACKEND) is \"postgres\"; it must be one of "
                + "memory, sqlite, filesystem, redis.",
            problem);
    }

    [Fact]
    public void Load_RedisWithoutConfiguration_Refused()
    {
        var environment = new Dictionary<string, string?> { ["JRDLM_BACKEND"] = "redis" };

        var error = Assert.Throws<ServerOptionsException>(
            () => DlmServerOptionsLoader.Load(null, None, environment));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith(
            "Redis (--redis, JRDLM_REDIS) must be set for the redis backend",
            problem,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RedisKeyPrefix", "RedisKeyPrefix (--redis-prefix, JRDLM_REDIS_PREFIX) must not")]
    [InlineData("SqlitePath", "SqlitePath (--sqlite-path, JRDLM_SQLITE_PATH) must not be empty.")]
    [InlineData("FileSystemPath", "FileSystemPath (--fs-path, JRDLM_FS_PATH) must not be empty.")]
    [InlineData("Backend", "Backend (--backend, JRDLM_BACKEND) must not be empty.")]
    public void Load_BlankValue_Refused(string key, string message)
    {
        var flags = new Dictionary<string, string?> { [key] = "  " };

        var error = Assert.Throws<ServerOptionsException>(
            () => DlmServerOptionsLoader.Load(null, flags, None));

        Assert.Contains(error.Problems, p => p.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_BackendFlags_InTheTableHelpIsBuiltFrom()
    {
        var flags = ServerSettings.All.Select(setting => setting.Flag).ToList();

        Assert.Contains("--backend", flags);
        Assert.Contains("--sqlite-path", flags);
        Assert.Contains("--fs-path", flags);
        Assert.Contains("--redis", flags);
        Assert.Contains("--redis-prefix", flags);
    }

    [Theory]
    [InlineData("", "none")]
    [InlineData("localhost:6379", "localhost:6379")]
    [InlineData("a:1,b:2,password=s3cret,ssl=true", "a:1,b:2,password=***,ssl=true")]
    [InlineData("a:1, Password = s3cret", "a:1, Password =***")]
    public void Redact_Configuration_HidesThePasswordOnly(string configuration, string shown)
    {
        Assert.Equal(shown, RedisConfigurationText.Redact(configuration));
    }

    [Fact]
    public void ToString_Options_ShowsEverySettingButNeverTheRedisPassword()
    {
        var options = new DlmServerOptions { Redis = "r:6379,password=s3cret", Port = 4242 };

        var shown = options.ToString();

        Assert.DoesNotContain("s3cret", shown, StringComparison.Ordinal);
        Assert.Contains("Redis = r:6379,password=***", shown, StringComparison.Ordinal);
        Assert.Contains("Port = 4242", shown, StringComparison.Ordinal);
        foreach (var property in typeof(DlmServerOptions).GetProperties())
        {
            Assert.Contains($"{property.Name} = ", shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Format_RedisSetting_NeverShowsThePassword()
    {
        var options = new DlmServerOptions { Redis = "r:6379,password=s3cret" };

        var shown = ServerSettings.Redis.Format(options);

        Assert.DoesNotContain("s3cret", shown, StringComparison.Ordinal);
        Assert.StartsWith("r:6379", shown, StringComparison.Ordinal);
    }
}
