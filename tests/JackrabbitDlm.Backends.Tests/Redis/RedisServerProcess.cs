using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JackrabbitDlm.Backends.Tests.Redis;

/// <summary>
/// A private <c>redis-server</c> on a loopback port, started as a child of the test process and
/// stopped by its process id. The binary is <c>JRDLM_TEST_REDIS_SERVER</c> or <c>redis-server</c>
/// on the PATH.
/// </summary>
internal sealed class RedisServerProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly TempDirectory _directory;
    private Process? _process;

    private RedisServerProcess(int port, TempDirectory directory)
    {
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    /// <summary>A configuration string for the backend; short timeouts, so outages show quickly.</summary>
    public string Configuration =>
        $"127.0.0.1:{Port},connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000";

    /// <summary>Starts a server on a free port.</summary>
    /// <exception cref="InvalidOperationException">No redis-server binary, or it did not come up.</exception>
    public static async Task<RedisServerProcess> StartAsync()
    {
        var server = new RedisServerProcess(FreePort(), new TempDirectory());
        await server.RestartAsync();
        return server;
    }

    public static bool IsInCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Starts the server (again) on its port, with an empty data set.</summary>
    public async Task RestartAsync()
    {
        Stop();
        var start = new ProcessStartInfo(FindBinary())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--save", string.Empty, "--appendonly", "no", "--dir", _directory.Path,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
    }

    /// <summary>Kills the server by its process id, as a crash would.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Stop();
        _directory.Dispose();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"redis-server exited at start with code {_process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                var reply = Encoding.ASCII.GetString(buffer, 0, read);
                if (reply.StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (IOException)
            {
                // Still loading.
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException(
            $"redis-server did not answer on port {Port} within {StartTimeout}");
    }

    private static string FindBinary()
    {
        var configured = Environment.GetEnvironmentVariable("JRDLM_TEST_REDIS_SERVER");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "redis-server not found: install it (apt-get install redis-server) or set JRDLM_TEST_REDIS_SERVER");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
