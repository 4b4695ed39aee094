using JackrabbitDlm.Backends.Redis;
using JackrabbitDlm.Backends.Tests.Conformance;
using JackrabbitDlm.Engine.Backends;
using Xunit.Abstractions;

namespace JackrabbitDlm.Backends.Tests.Redis;

/// <summary>
/// The Redis backend against the conformance suite, on a real redis-server under a key prefix of
/// its own. Expiry runs on the Redis clock, so time passes for real, with short TTLs.
/// </summary>
public sealed class RedisBackendConformanceTests : SharedBackendConformanceTests
{
    private readonly string _prefix = RedisTestServer.NewPrefix();
    private string? _configuration;

    public RedisBackendConformanceTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override TimeSpan ShortTtl => TimeSpan.FromSeconds(1.5);

    protected override IReadOnlyList<string> CrashWriterArguments => ["redis", _configuration!, _prefix];

    protected override async Task<IEntryBackend> OpenBackendAsync()
    {
        _configuration ??= await RedisTestServer.GetConfigurationAsync();
        return await RedisBackend.OpenAsync(
            new RedisBackendOptions { Configuration = _configuration, KeyPrefix = _prefix });
    }

    protected override Task PassTimeAsync(TimeSpan duration) => Task.Delay(duration);
}
