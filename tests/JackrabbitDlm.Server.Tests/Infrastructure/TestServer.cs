using System.Net;
using System.Text.Json;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Server.Hosting;
using JackrabbitDlm.Server.Options;
using JackrabbitDlm.Server.Tests.Transcripts;

namespace JackrabbitDlm.Server.Tests.Infrastructure;

/// <summary>
/// A real server started in-process on 127.0.0.1 with a free port, recording its events.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly bool _ownsDirectory;

    private TestServer(
        DlmServer server,
        IPEndPoint endPoint,
        RecordingEventLog eventLog,
        RecordingQuarantine quarantine,
        string baseDirectory,
        bool ownsDirectory)
    {
        Server = server;
        EndPoint = endPoint;
        EventLog = eventLog;
        Quarantine = quarantine;
        BaseDirectory = baseDirectory;
        _ownsDirectory = ownsDirectory;
    }

    public DlmServer Server { get; }

    public IPEndPoint EndPoint { get; }

    public RecordingEventLog EventLog { get; }

    public RecordingQuarantine Quarantine { get; }

    public string BaseDirectory { get; }

    public CounterSet Counters => Server.Counters;

    /// <summary>
    /// Starts a server; the options start as loopback, port 0, a fresh temporary base directory.
    /// </summary>
    /// <param name="configure">Changes the options.</param>
    /// <param name="services">
    /// Changes the services: a recording event log and quarantine, the transcript's identity.
    /// </param>
    /// <param name="baseDirectory">An existing base directory to reuse; it is not deleted.</param>
    public static async Task<TestServer> StartAsync(
        Func<DlmServerOptions, DlmServerOptions>? configure = null,
        Func<ServerServices, ServerServices>? services = null,
        string? baseDirectory = null)
    {
        var directory = baseDirectory ?? Directory.CreateTempSubdirectory("jrdlm-tests-").FullName;
        var options = new DlmServerOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            BaseDirectory = directory,
            ShutdownGrace = TimeSpan.FromSeconds(5),
        };
        options = configure?.Invoke(options) ?? options;

        var eventLog = new RecordingEventLog();
        var quarantine = new RecordingQuarantine();
        var serverServices = new ServerServices
        {
            EventLog = eventLog,
            Quarantine = quarantine,
            Identities = TranscriptFile.Identity,
        };
        serverServices = services?.Invoke(serverServices) ?? serverServices;

        var server = new DlmServer(options, serverServices);
        var endPoint = await server.StartAsync();
        var ownsDirectory = baseDirectory is null;
        return new TestServer(server, endPoint, eventLog, quarantine, directory, ownsDirectory);
    }

    public Task<RawConnection> ConnectAsync() => RawConnection.OpenAsync(EndPoint);

    /// <summary>
    /// Sends one request on a new connection and reads the reply; null when none came.
    /// </summary>
    public async Task<JsonElement?> AskAsync(string json)
    {
        await using var connection = await ConnectAsync();
        await connection.SendRequestAsync(json);
        return await connection.ReadReplyAsync();
    }

    /// <summary>
    /// Sends raw bytes (newline included) on a new connection and reads the reply.
    /// </summary>
    public async Task<JsonElement?> AskRawAsync(string line)
    {
        await using var connection = await ConnectAsync();
        await connection.SendAsync(line);
        return await connection.ReadReplyAsync();
    }

    /// <summary>Checks that the server still answers a normal request.</summary>
    public async Task<bool> IsServingAsync()
    {
        var reply = await AskAsync(Wire.Request("probe", "probe", "Version", "0"));
        return reply.Status() == "Version";
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (_ownsDirectory)
        {
            Directory.Delete(BaseDirectory, recursive: true);
        }
    }
}
