using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using JackrabbitDlm.Backends.Tests.Redis;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Wire;
using Xunit.Abstractions;

namespace JackrabbitDlm.Backends.Tests.Servers;

/// <summary>
/// <c>jrdlm wars</c> spread over two <c>jrdlm serve</c> processes on one store: eight fighter
/// processes, half through each server, must count to the target exactly, with no fighter seeing
/// a second holder, and fencing tokens must keep rising across the servers.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed partial class SharedStoreWarsTests : IDisposable
{
    private const int Fighters = 8;
    private const int Target = 120;
    private const string Prefix = "wars-test";
    private const string DataOwner = "wars-test-data";

    // Bounds a war that hangs; a healthy one on a loaded two-core runner takes well under this.
    private static readonly TimeSpan WarTimeout = TimeSpan.FromSeconds(150);

    private readonly ITestOutputHelper _output;
    private readonly TempDirectory _scratch = new();
    private readonly List<ServeProcess> _servers = [];

    public SharedStoreWarsTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Wars_TwoServersOnOneSqliteFile_CounterExactWithoutViolations()
    {
        var store = Directory.CreateDirectory(_scratch.File("store")).FullName;

        await WarOverTwoServersAsync(
            ["--backend", "sqlite", "--sqlite-path", Path.Combine(store, "jrdlm.db")]);
    }

    [Fact]
    public async Task Wars_TwoServersOnOneRedis_CounterExactWithoutViolations()
    {
        await WarOverTwoServersAsync(
        [
            "--backend", "redis", "--redis", await RedisTestServer.GetConfigurationAsync(),
            "--redis-prefix", RedisTestServer.NewPrefix(),
        ]);
    }

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            _output.WriteLine(server.Errors);
            server.Dispose();
        }

        _scratch.Dispose();
    }

    private async Task WarOverTwoServersAsync(IReadOnlyList<string> store)
    {
        var first = await StartAsync("first", store);
        var second = await StartAsync("second", store);

        var (exitCode, output, errors) = await ServeProcess.RunAsync(
        [
            "wars", $"{Fighters}", $"{Target}",
            "--server", $"{first}", "--server", $"{second}",
            "--prefix", Prefix, "--data-id", DataOwner, "--locks-only", "--time-limit", "90",
        ],
        WarTimeout);

        _output.WriteLine(output);
        _output.WriteLine(errors);
        Assert.True(exitCode == 0, $"wars exited {exitCode}: {output}{errors}");
        Assert.Contains(
            $"  server 1 {first}: fighters 1, 3, 5, 7", output, StringComparison.Ordinal);
        Assert.Contains(
            $"  server 2 {second}: fighters 2, 4, 6, 8", output, StringComparison.Ordinal);
        Assert.Matches(@"#\s+srv\s+pid", output);
        Assert.Contains(
            $"target {Target}, final counter {Target}, {Fighters} fighters",
            output,
            StringComparison.Ordinal);
        Assert.Contains(
            $"final counter through each server: server 1 {Target}, server 2 {Target}",
            output,
            StringComparison.Ordinal);
        Assert.Contains("violations 0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Overlap", output, StringComparison.Ordinal);
        Assert.DoesNotContain("LostIncrement", output, StringComparison.Ordinal);
        Assert.Contains("result: passed", output, StringComparison.Ordinal);
        Assert.True(LocksGranted(output) >= Target, "fewer locks granted than increments");

        await AssertCounterAndTokensAsync(first, second);
    }

    // After the war: the counter reads the same through both servers, and tokens go on rising
    // from the last holder's, whichever server grants the next lock.
    private static async Task AssertCounterAndTokensAsync(IPEndPoint first, IPEndPoint second)
    {
        var lastToken = 0L;
        foreach (var server in new[] { first, second })
        {
            // The fighters store values as the client library does: encoded (protocol section 2).
            var counter = await DlmWire.SendAsync(
                server, DlmAction.Get, $"{Prefix}:counter", DataOwner);
            Assert.Equal(
                Target.ToString(CultureInfo.InvariantCulture),
                DlmTextEncoding.DecodeText(counter.Value!));

            var fence = await DlmWire.SendAsync(
                server, DlmAction.Get, $"{Prefix}:fence", DataOwner);
            var record = DlmTextEncoding.DecodeText(fence.Value!)!;
            var fenceToken = long.Parse(
                record.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture);
            Assert.True(fenceToken > 0, "no fighter wrote a fencing token");
            lastToken = Math.Max(lastToken, fenceToken);
        }

        foreach (var server in new[] { first, second, first })
        {
            var locked = await DlmWire.SendAsync(
                server, DlmAction.Lock, $"{Prefix}:lock", "after-the-war", ttlSeconds: 30);
            Assert.Equal(DlmStatus.Locked, locked.Status);
            Assert.True(locked.Token > lastToken, $"token {locked.Token} after {lastToken}");
            lastToken = locked.Token!.Value;
            var unlocked = await DlmWire.SendAsync(
                server, DlmAction.Unlock, $"{Prefix}:lock", "after-the-war");
            Assert.Equal(DlmStatus.Unlocked, unlocked.Status);
        }
    }

    private static long LocksGranted(string output)
    {
        var match = LocksGrantedLine().Match(output);
        Assert.True(match.Success, "no 'locks granted' line");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    // Each server has its own base directory (event log, pid file); only the store is shared.
    private async Task<IPEndPoint> StartAsync(string name, IReadOnlyList<string> store)
    {
        var server = await ServeProcess.StartAsync(_scratch.File(name), store);
        _servers.Add(server);
        return server.EndPoint;
    }

    [GeneratedRegex(@"^locks granted (\d+),", RegexOptions.Multiline)]
    private static partial Regex LocksGrantedLine();
}
