using JackrabbitDlm.Server.Hosting;
using JackrabbitDlm.Server.Options;
using Microsoft.Extensions.Logging.Abstractions;

namespace JackrabbitDlm.Docs.Tests.Infrastructure;

/// <summary>
/// A real server, composed as <c>jrdlm serve</c> composes it, on 127.0.0.1 with a free port and
/// a base directory of its own, for the documentation's commands to talk to.
/// </summary>
internal sealed class DocsServer : IAsyncDisposable
{
    private readonly DlmServer _server;

    private DocsServer(DlmServer server, string baseDirectory, int port)
    {
        _server = server;
        BaseDirectory = baseDirectory;
        Port = port;
    }

    public string BaseDirectory { get; }

    public int Port { get; }

    public static async Task<DocsServer> StartAsync(string baseDirectory)
    {
        var options = new DlmServerOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            BaseDirectory = baseDirectory,
            ShutdownGrace = TimeSpan.FromSeconds(5),
        };
        var server = new DlmServer(options, ServerComposition.CreateDefault(options, NullLoggerFactory.Instance));
        var endPoint = await server.StartAsync();
        return new DocsServer(server, baseDirectory, endPoint.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }
}
