using System.Net;
using System.Net.Sockets;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Server.Logging;
using JackrabbitDlm.Server.Options;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Network;

/// <summary>
/// Accepts connections and runs a <see cref="ConnectionSession"/> for each, within the connection
/// cap; closes idle connections; on stop, lets requests in flight finish within a grace period.
/// </summary>
internal sealed class DlmListener : IAsyncDisposable
{
    // Room for this many lines at the size cap at once; more can only be an attack or a flood,
    // and those connections are closed as over the cap rather than let memory run out.
    private const int LinesAtCapAtOnce = 32;

    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan AbortWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestIdleCheck = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ShortestIdleCheck = TimeSpan.FromMilliseconds(10);

    private readonly DlmServerOptions _options;
    private readonly ConnectionContext _context;
    private readonly ConnectionTable _table;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopAccepting = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly LogThrottle _capWarnings;
    private readonly LogThrottle _acceptErrors;
    private readonly long _idleTicks;
    private Socket? _socket;
    private Task[] _acceptLoops = [];
    private ITimer? _idleCheck;
    private long _lastConnectionId;

    public DlmListener(
        DlmServerOptions options,
        RequestProcessor processor,
        CounterSet counters,
        TimeProvider time,
        ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _table = new ConnectionTable(options.MaxConnections);
        _capWarnings = new LogThrottle(time, WarningInterval);
        _acceptErrors = new LogThrottle(time, WarningInterval);
        _idleTicks = (long)(options.IdleTimeout.TotalSeconds * time.TimestampFrequency);
        _context = new ConnectionContext
        {
            Processor = processor,
            Counters = counters,
            Table = _table,
            Time = time,
            Logger = logger,
            MaxRequestBytes = options.MaxRequestBytes,
            LineBudget = new LineBufferBudget((long)LinesAtCapAtOnce * options.MaxRequestBytes),
            Aborted = _abort.Token,
            LogConnections = logger.IsEnabled(LogLevel.Debug),
        };
    }

    /// <summary>How many connections are open now.</summary>
    public int OpenConnections => _table.Count;

    /// <summary>Binds, listens and starts accepting.</summary>
    /// <returns>The endpoint bound, with the real port when port 0 was asked for.</returns>
    /// <exception cref="SocketException">
    /// The address cannot be bound (in use, not local, no permission).
    /// </exception>
    public IPEndPoint Start(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endPoint.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            // Accepted sockets inherit TCP_NODELAY from the listener (Linux, Windows, the BSDs),
            // which saves a system call on every connection; replies then never wait for Nagle.
            socket.NoDelay = true;
            socket.Bind(endPoint);
            socket.Listen();
            DeferAccept(socket, _options.IdleTimeout);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        var period = Clamp(_options.IdleTimeout / 4, ShortestIdleCheck, LongestIdleCheck);
        _idleCheck = _time.CreateTimer(_ => CloseIdle(), null, period, period);

        // An accept loop runs each new session inline up to its first wait, so a request that
        // arrives with its connection is answered without a thread hop, while the other loops
        // keep accepting. Half the cores get one: the socket event threads, which finish the
        // reads and writes that had to wait, need the rest. On two cores, a loop per core made
        // the threads take turns on the cores and cost a tenth of the per-connection rate at 8
        // and 64 connections in flight.
        var loops = new Task[Math.Clamp(Environment.ProcessorCount / 2, 1, 8)];
        for (var i = 0; i < loops.Length; i++)
        {
            loops[i] = Task.Run(() => AcceptLoopAsync(socket));
        }

        _acceptLoops = loops;
        return (IPEndPoint)socket.LocalEndPoint!;
    }

    /// <summary>
    /// Stops accepting, closes connections waiting for a request, and waits up to
    /// <paramref name="grace"/> for the others to answer theirs before closing them too.
    /// </summary>
    /// <param name="grace">How long requests in flight may take.</param>
    /// <param name="cancellationToken">Ends the grace period early.</param>
    public async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        await _stopAccepting.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        await Task.WhenAll(_acceptLoops).ConfigureAwait(false);

        _table.BeginStop();
        if (!await WaitDrainedAsync(grace, cancellationToken).ConfigureAwait(false))
        {
            Log.ShutdownGraceExpired(_logger, _table.Count);
            await _abort.CancelAsync().ConfigureAwait(false);
            _table.AbortAll();
            if (!await WaitDrainedAsync(AbortWait, CancellationToken.None).ConfigureAwait(false))
            {
                Log.ConnectionsLeftOpen(_logger, _table.Count);
            }
        }

        if (_idleCheck is { } idleCheck)
        {
            await idleCheck.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopAccepting.IsCancellationRequested)
        {
            await StopAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
        }

        _stopAccepting.Dispose();
        _abort.Dispose();
    }

    // A client always speaks first, so on Linux the kernel is asked to hand over a connection
    // only once its first bytes have arrived: the request is then read at once, without the
    // receive that finds nothing and the epoll registration that follows, which took a tenth
    // of the per-connection rate. A connection that stays silent is handed over when the idle
    // timeout (at most 30 s) has passed, and the idle check then closes it as before.
    private static void DeferAccept(Socket socket, TimeSpan idleTimeout)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const int ipProtocolTcp = 6;
        const int tcpDeferAccept = 9;
        var seconds = (int)Math.Clamp(Math.Ceiling(idleTimeout.TotalSeconds), 1, 30);
        socket.SetRawSocketOption(ipProtocolTcp, tcpDeferAccept, BitConverter.GetBytes(seconds));
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) =>
        value < min ? min : value > max ? max : value;

    private void CloseIdle() => _table.CloseIdle(_time.GetTimestamp(), _idleTicks);

    private async Task<bool> WaitDrainedAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await _table.Drained.WaitAsync(wait, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_stopAccepting.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stopAccepting.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Failures here are the machine's (out of file descriptors or memory). Pausing
                // keeps a failing accept from spinning a core, which is how the original stalls.
                if (_acceptErrors.TryEnter(out var suppressed))
                {
                    Log.AcceptFailed(_logger, suppressed, e);
                }

                await Task.Delay(AcceptRetryDelay, _time).ConfigureAwait(false);
                continue;
            }

            Admit(client);
        }
    }

    private void Admit(Socket client)
    {
        var counters = _context.Counters;
        counters.Increment(Counter.Connections);
        if (!_table.TryReserve(out var slot))
        {
            Refuse(client);
            return;
        }

        var id = Interlocked.Increment(ref _lastConnectionId);
        var session = new ConnectionSession(client, id, slot, _context);
        counters.Increment(Counter.AIn);
        _table.Attach(slot, session);
        if (_context.LogConnections)
        {
            Log.ConnectionOpened(_logger, session.Id, client.RemoteEndPoint);
        }

        // Runs inline until the session first has to wait; see Start.
        _ = session.RunAsync();
    }

    private void Refuse(Socket client)
    {
        // Counted before the close, so whoever sees the close also sees the count. A refused
        // connection never sends a complete line: it counts as a bad connection.
        var stopping = _table.IsStopping;
        if (!stopping)
        {
            _context.Counters.Increment(Counter.BadConn);
        }

        client.Dispose();
        if (!stopping && _capWarnings.TryEnter(out var suppressed))
        {
            Log.ConnectionCapReached(_logger, _options.MaxConnections, suppressed);
        }
    }
}
