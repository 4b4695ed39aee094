namespace JackrabbitDlm.Backends.Tests.Redis;

/// <summary>
/// The Redis the tests share: <c>JRDLM_TEST_REDIS</c> (scripts/test.sh starts one and sets it).
/// In CI a missing one fails the tests rather than skipping them; elsewhere the tests start a
/// private redis-server for the whole run.
/// </summary>
internal static class RedisTestServer
{
    private static readonly Lazy<Task<string>> Shared = new(StartSharedAsync);

    public static Task<string> GetConfigurationAsync() => Shared.Value;

    /// <summary>A key prefix no other test uses, so tests sharing one Redis never meet.</summary>
    public static string NewPrefix() => $"jrdlm-test:{Guid.NewGuid():N}:";

    private static async Task<string> StartSharedAsync()
    {
        var configured = Environment.GetEnvironmentVariable("JRDLM_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (RedisServerProcess.IsInCi)
        {
            throw new InvalidOperationException(
                "JRDLM_TEST_REDIS is not set: CI must run a redis-server for these tests " +
                "(scripts/test.sh does)");
        }

        var server = await RedisServerProcess.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server.Configuration;
    }
}
