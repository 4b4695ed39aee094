using System.Diagnostics;
using System.Globalization;

namespace JackrabbitDlm.LoadBench.Targets;

/// <summary>
/// A private redis-server on a free loopback port and redis-benchmark against it: the kept-alive
/// figure to compare with (redis-benchmark keeps its connections open and does not pipeline).
/// </summary>
internal sealed class RedisBenchmark : IDisposable
{
    private readonly ChildProcess _server;
    private readonly int _port;
    private readonly string _directory;

    private RedisBenchmark(ChildProcess server, int port, string directory)
    {
        _server = server;
        _port = port;
        _directory = directory;
    }

    /// <summary>The server's address, as a Redis configuration string.</summary>
    public string Configuration => $"127.0.0.1:{_port}";

    /// <summary>Starts redis-server, or returns null when it is not installed.</summary>
    public static async Task<RedisBenchmark?> StartAsync()
    {
        if (!OnPath("redis-server") || !OnPath("redis-benchmark"))
        {
            return null;
        }

        var port = ChildProcess.FreePort();
        var directory = Directory.CreateTempSubdirectory("jrdlm-bench-redis-").FullName;
        var server = ChildProcess.Start(
            "redis-server", "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--save", "", "--appendonly", "no", "--dir", directory);
        await ChildProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(10));
        return new RedisBenchmark(server, port, directory);
    }

    /// <summary>Runs <c>redis-benchmark -t set</c> with <paramref name="connections"/> clients.</summary>
    /// <param name="connections">Clients, each with one kept-alive connection.</param>
    /// <param name="requests">Requests in all.</param>
    /// <param name="valueBytes">The size of each SET value (redis-benchmark's -d; its default is 3).</param>
    public Task<Load.RunResult> RunSetAsync(int connections, int requests, int valueBytes = 3) =>
        RunAsync(connections, requests, "-t", "set", "-d", valueBytes.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Runs the command a Redis lock takes, <c>SET key owner NX PX 30000</c>, on random keys:
    /// the Redis figure to set beside jrdlm's Redis backend.
    /// </summary>
    public Task<Load.RunResult> RunLockCommandAsync(int connections, int requests) =>
        RunAsync(
            connections, requests, "-r", "1000000", "SET", "bench-lock:__rand_int__", "owner", "NX", "PX", "30000");

    private async Task<Load.RunResult> RunAsync(int connections, int requests, params string[] workload)
    {
        var info = new ProcessStartInfo("redis-benchmark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-h", "127.0.0.1", "-p", _port.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-n", requests.ToString(CultureInfo.InvariantCulture), "--csv",
        }.Concat(workload))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return ParseCsv(output);
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    // The CSV has a header row ("test","rps",...,"p50_latency_ms",...,"p99_latency_ms",...) and
    // one row for the command run.
    private static Load.RunResult ParseCsv(string csv)
    {
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.Split("\",\"").Select(c => c.Trim('"')).ToArray())
            .ToArray();
        var header = rows.First(r => r[0] == "test");
        var set = rows.First(r => r[0] != "test");
        double Column(string name) => double.Parse(set[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
        return new Load.RunResult(Column("rps"), Column("p50_latency_ms") * 1000, Column("p99_latency_ms") * 1000, 0);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}
