using System.Net;
using System.Net.Sockets;
using JackrabbitDlm.Engine;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Memory;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Server.Files;
using JackrabbitDlm.Server.Logging;
using JackrabbitDlm.Server.Network;
using JackrabbitDlm.Server.Options;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Hosting;

/// <summary>
/// A JackrabbitDLM server: the engine behind a TCP listener, with its statistics. Start it once,
/// stop it once; disposing stops it if needed. Nothing a client sends stops it.
/// </summary>
/// <example>
/// <code>
/// var services = ServerComposition.CreateDefault(options, loggerFactory);
/// await using var server = new DlmServer(options, services);
/// var endPoint = await server.StartAsync();
/// // ... until asked to stop:
/// await server.StopAsync();
/// </code>
/// </example>
public sealed class DlmServer : IAsyncDisposable
{
    private const int Created = 0;
    private const int Running = 1;
    private const int Stopped = 2;

    private readonly DlmServerOptions _options;
    private readonly ServerServices _services;
    private readonly ILogger _logger;
    private readonly IEntryBackend _backend;
    private readonly DlmListener _listener;
    private readonly StatisticsReporter _statistics;
    private readonly Lock _gate = new();
    private int _state;
    private Task? _stopping;
    private PidFile? _pidFile;

    /// <summary>Builds a server; nothing is bound until <see cref="StartAsync"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The options are invalid; the message lists every problem.
    /// </exception>
    public DlmServer(DlmServerOptions options, ServerServices services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            var message = string.Join(Environment.NewLine, problems);
            throw new ArgumentException(message, nameof(options));
        }

        _options = options;
        _services = services;
        _logger = services.LoggerFactory.CreateLogger("JackrabbitDlm.Server");
        _backend = services.Backend ?? CreateMemoryBackend(services);
        var validator = new RequestValidator(options.ToRequestLimits(), services.Identities);
        Engine = new DlmEngine(_backend, validator, services.Pressure, services.Counters, Version);
        var processor = new RequestProcessor(
            Engine, services.Quarantine, services.EventLog, _logger);
        _listener = new DlmListener(options, processor, services.Counters, services.Time, _logger);
        _statistics = new StatisticsReporter(
            _backend, services.Counters, services.EventLog, services.Time, _logger);
    }

    /// <summary>The version this server reports, e.g. <c>1.0.0</c>.</summary>
    public static string Version => ServerVersion.Current;

    /// <summary>The engine answering requests.</summary>
    public DlmEngine Engine { get; }

    /// <summary>The statistics counters.</summary>
    public CounterSet Counters => _services.Counters;

    /// <summary>The endpoint listened on, once started.</summary>
    public IPEndPoint? EndPoint { get; private set; }

    /// <summary>How many connections are open now.</summary>
    public int OpenConnections => _listener.OpenConnections;

    /// <summary>Writes the event log's first line, binds and starts serving.</summary>
    /// <returns>The endpoint bound; with port 0 it holds the port the system picked.</returns>
    /// <exception cref="SocketException">The host is not found or the endpoint not bound.</exception>
    /// <exception cref="InvalidOperationException">The server was started before.</exception>
    public async Task<IPEndPoint> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, Running, Created) != Created)
        {
            throw new InvalidOperationException("A server can be started only once.");
        }

        _services.EventLog.Write($"Jackrabbit DLM {Version}");
        Log.Starting(_logger, Version);
        try
        {
            var address = await ResolveAsync(_options.Host, cancellationToken)
                .ConfigureAwait(false);
            EndPoint = _listener.Start(new IPEndPoint(address, _options.Port));
        }
        catch (Exception e)
        {
            // Nothing runs yet, so there is nothing for a stop to do.
            Interlocked.Exchange(ref _state, Stopped);
            // An operator's mistake (address in use, unknown host) needs its reason, not a trace.
            Log.ListenFailed(_logger, $"{_options.Host}:{_options.Port}", e.Message);
            throw;
        }

        if (_services.Directories is { } directories)
        {
            _pidFile = PidFile.Create(directories, EndPoint.Port);
        }

        Log.Listening(_logger, EndPoint);
        Log.Backend(_logger, _backend.Name);
        Log.Configuration(
            _logger,
            _options.BaseDirectory,
            _options.MaxConnections,
            _options.IdleTimeout,
            _options.MaxRequestBytes,
            _options.StatisticsInterval);
        _statistics.Start(_options.StatisticsInterval);
        return EndPoint;
    }

    /// <summary>
    /// Stops accepting, lets requests in flight finish (up to the shutdown grace), closes every
    /// connection and writes a last statistics line. Calling it again waits for the same stop.
    /// </summary>
    /// <param name="cancellationToken">Ends the grace period: connections close at once.</param>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_stopping is null)
            {
                var wasRunning = Interlocked.Exchange(ref _state, Stopped) == Running;
                _stopping = wasRunning ? StopRunningAsync(cancellationToken) : Task.CompletedTask;
            }

            return _stopping;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _listener.DisposeAsync().ConfigureAwait(false);
        await _statistics.DisposeAsync().ConfigureAwait(false);
        await _backend.DisposeAsync().ConfigureAwait(false);
        foreach (var resource in _services.OwnedResources)
        {
            resource.Dispose();
        }
    }

    private static MemoryBackend CreateMemoryBackend(ServerServices services) =>
        new(new MemoryBackendOptions
        {
            Time = services.Time,
            TokenReservations = services.TokenReservations,
            SpillStore = services.SpillStore,
            Pressure = services.Pressure,
            Counters = services.Counters,
        });

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellation)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellation).ConfigureAwait(false);
        foreach (var candidate in addresses)
        {
            // IPv4 first: "localhost" then means 127.0.0.1, which every client tries.
            if (candidate.AddressFamily == AddressFamily.InterNetwork)
            {
                return candidate;
            }
        }

        return addresses.Length > 0
            ? addresses[0]
            : throw new SocketException((int)SocketError.HostNotFound);
    }

    private async Task StopRunningAsync(CancellationToken cancellationToken)
    {
        Log.Stopping(_logger, _listener.OpenConnections);
        await _listener.StopAsync(_options.ShutdownGrace, cancellationToken).ConfigureAwait(false);
        await _statistics.DisposeAsync().ConfigureAwait(false);
        _statistics.WriteNow();
        _pidFile?.Dispose();
        Log.Stopped(_logger);
    }
}
