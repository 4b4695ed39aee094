using JackrabbitDlm.Backends.Tests.Redis;
using Xunit.Abstractions;

namespace JackrabbitDlm.Backends.Tests.Servers;

/// <summary>
/// On the shared test Redis (<c>JRDLM_TEST_REDIS</c>; in CI its absence fails the tests), under
/// a key prefix of the test's own.
/// </summary>
public sealed class RedisSharedStoreServeTests : SharedStoreServeTests
{
    private readonly string _prefix = RedisTestServer.NewPrefix();

    public RedisSharedStoreServeTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override async Task<IReadOnlyList<string>> StoreArgumentsAsync(
        string storeDirectory) =>
    [
        "--backend", "redis", "--redis", await RedisTestServer.GetConfigurationAsync(),
        "--redis-prefix", _prefix,
    ];
}
