using JackrabbitDlm.Engine.Pressure;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Server.Files;
using JackrabbitDlm.Server.Hosting;
using JackrabbitDlm.Server.Options;

namespace JackrabbitDlm.Client.Tests.Infrastructure;

/// <summary>The real server host on 127.0.0.1, in memory, in this process, with a temporary base directory.</summary>
internal sealed class RealServer : IAsyncDisposable
{
    private readonly DlmServer _server;
    private readonly DirectoryInfo _baseDirectory;

    private RealServer(DlmServer server, int port, DirectoryInfo baseDirectory)
    {
        _server = server;
        Port = port;
        _baseDirectory = baseDirectory;
    }

    public int Port { get; }

    public DlmServer Server => _server;

    /// <param name="port">The port to listen on; 0 lets the system choose.</param>
    /// <param name="identities">The identities the server knows; by default those of its Config/ folder (none).</param>
    /// <param name="pressure">The memory pressure the server sees; none by default.</param>
    public static async Task<RealServer> StartAsync(
        int port = 0,
        IIdentityStore? identities = null,
        IMemoryPressure? pressure = null)
    {
        var baseDirectory = Directory.CreateTempSubdirectory("jrdlm-client-tests-");
        var options = new DlmServerOptions
        {
            Host = "127.0.0.1",
            Port = port,
            BaseDirectory = baseDirectory.FullName,
        };
        var directories = new BaseDirectory(baseDirectory.FullName);
        directories.EnsureCreated();
        var eventLog = new EventLog(directories, TimeProvider.System);
        var services = new ServerServices
        {
            EventLog = eventLog,
            Quarantine = new Quarantine(directories, 100, 1 << 20, TimeProvider.System),
            Identities = identities ?? new FileIdentityStore(directories),
            Pressure = pressure ?? NoMemoryPressure.Instance,
            OwnedResources = [eventLog],
        };
        var server = new DlmServer(options, services);
        var endPoint = await server.StartAsync();
        return new RealServer(server, endPoint.Port, baseDirectory);
    }

    public JackrabbitDlmClientOptions Options(Action<JackrabbitDlmClientOptions>? adjust = null)
    {
        var options = new JackrabbitDlmClientOptions
        {
            Port = Port,
            RetryCount = 0,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            SocketTimeout = TimeSpan.FromSeconds(30),
        };
        adjust?.Invoke(options);
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _baseDirectory.Delete(recursive: true);
    }
}
