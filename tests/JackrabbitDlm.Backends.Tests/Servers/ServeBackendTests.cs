using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using JackrabbitDlm.Backends.Tests.Redis;
using JackrabbitDlm.Protocol.Wire;
using Xunit.Abstractions;

namespace JackrabbitDlm.Backends.Tests.Servers;

/// <summary>
/// How <c>jrdlm serve</c> chooses its backend and what it does when the backend is away: at
/// start it refuses to run, later it answers <c>NO</c> until the backend is back.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class ServeBackendTests : IDisposable
{
    private const int BackendUnavailableExitCode = 13;
    private const int InvalidConfigurationExitCode = 2;

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;
    private readonly TempDirectory _base = new();

    public ServeBackendTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public void Dispose() => _base.Dispose();

    [Fact]
    public async Task Serve_RedisUnreachableAtStart_ExitsWithOneLineReason()
    {
        var closedPort = ClosedPort();
        var arguments = ServeProcess.ServeArguments(_base.Path,
        [
            "--backend", "redis",
            "--redis", $"127.0.0.1:{closedPort},connectTimeout=1000,password=do-not-show",
        ]);

        var (exitCode, output, errors) = await ServeProcess.RunAsync(arguments, RunTimeout);

        _output.WriteLine(errors);
        Assert.Equal(BackendUnavailableExitCode, exitCode);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(
            "jrdlm serve: cannot open the redis backend: ", line, StringComparison.Ordinal);
        Assert.EndsWith(
            $"Cannot reach Redis at 127.0.0.1:{closedPort}: UnableToConnect",
            line,
            StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-show", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_UnknownBackend_ExitsListingTheValidNames()
    {
        var arguments = ServeProcess.ServeArguments(_base.Path, ["--backend", "postgres"]);

        var (exitCode, _, errors) = await ServeProcess.RunAsync(arguments, RunTimeout);

        Assert.Equal(InvalidConfigurationExitCode, exitCode);
        Assert.Contains("memory, sqlite, filesystem, redis", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_Help_ListsTheBackendOptionsWithTheirVariables()
    {
        var (exitCode, output, _) = await ServeProcess.RunAsync(["serve", "--help"], RunTimeout);

        Assert.Equal(0, exitCode);
        foreach (var (flag, variable) in new[]
        {
            ("--backend", "JRDLM_BACKEND"), ("--sqlite-path", "JRDLM_SQLITE_PATH"),
            ("--fs-path", "JRDLM_FS_PATH"), ("--redis", "JRDLM_REDIS"),
            ("--redis-prefix", "JRDLM_REDIS_PREFIX"),
        })
        {
            Assert.Contains(flag + " ", output, StringComparison.Ordinal);
            Assert.Contains($"[env {variable}]", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Serve_RedisStoppedAndRestarted_AnswersNoThenRecoversByItself()
    {
        using var redis = await RedisServerProcess.StartAsync();
        using var server = await ServeProcess.StartAsync(_base.Path,
        [
            "--backend", "redis", "--redis", redis.Configuration, "--stats-interval", "1s",
        ]);
        Task<DlmReply> LockAsync(string key, string owner) =>
            DlmWire.SendAsync(server.EndPoint, DlmAction.Lock, key, owner, ttlSeconds: 60);
        Assert.Equal(DlmStatus.Locked, (await LockAsync("job", "alice")).Status);

        redis.Stop();
        var during = await LockAsync("other", "bob");
        await redis.RestartAsync();
        var after = await EventuallyAsync(
            () => LockAsync("other", "bob"), reply => reply.Status == DlmStatus.Locked);

        _output.WriteLine(server.Errors);
        Assert.Equal(DlmStatus.NO, during.Status);
        Assert.Equal(DlmStatus.Locked, after.Status);
        var eventLog = Path.Combine(_base.Path, "Logs", "JackrabbitDLM.log");
        var statistics = await EventuallyAsync(
            () => Task.FromResult(File.ReadAllText(eventLog)),
            log => log.Contains("BackendDown: ", StringComparison.Ordinal));
        Assert.Contains("BackendDown: ", statistics, StringComparison.Ordinal);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> attempt, Func<T, bool> done)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var result = await attempt();
            if (done(result) || waited.Elapsed > RecoveryTimeout)
            {
                return result;
            }

            await Task.Delay(200);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
