using System.Globalization;
using JackrabbitDlm.Client;
using JackrabbitDlm.Server.Hosting;
using JackrabbitDlm.Server.Options;
using Microsoft.Extensions.Logging.Abstractions;

namespace JackrabbitDlm.Cli.Tests.Infrastructure;

/// <summary>
/// A real server, composed as <c>jrdlm serve</c> composes it, started in this process on
/// 127.0.0.1 with a free port and a fresh base directory.
/// </summary>
internal sealed class RealServer : IAsyncDisposable
{
    private readonly DlmServer _server;

    private RealServer(DlmServer server, string baseDirectory, int port)
    {
        _server = server;
        BaseDirectory = baseDirectory;
        Port = port;
    }

    public string BaseDirectory { get; }

    public int Port { get; }

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    public static async Task<RealServer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("jrdlm-cli-server-").FullName;
        var options = new DlmServerOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            BaseDirectory = directory,
            ShutdownGrace = TimeSpan.FromSeconds(5),
        };
        var server = new DlmServer(options, ServerComposition.CreateDefault(options, NullLoggerFactory.Instance));
        var endPoint = await server.StartAsync();
        return new RealServer(server, directory, endPoint.Port);
    }

    /// <summary>Client options for this server; no retries, so a failure shows at once.</summary>
    public JackrabbitDlmClientOptions ClientOptions(string? ownerId = null) => new()
    {
        Port = Port,
        OwnerId = ownerId,
        RetryCount = 0,
        SocketTimeout = TimeSpan.FromSeconds(30),
    };

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(BaseDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file the server still held on a slow runner; the system cleans temp up.
        }
    }
}
