using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Server.Logging;

namespace JackrabbitDlm.Server.Network;

/// <summary>
/// One client connection. It answers one request and closes, as the original does, unless the
/// request carried <c>"KeepAlive": true</c>; then it reads the next line, answering lines in the
/// order they came. Whatever the client sends, the session only ever ends its own connection.
/// </summary>
[SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "A session releases its buffers itself when its connection ends.")]
internal sealed class ConnectionSession
{
    // _waitState holds the timestamp since which the session waits for a line (always > 0), or
    // one of these. The idle check and a stopping server move a waiting session to TimedOut or
    // StopRequested with a compare-and-swap, so a session that just got its line is never cut off.
    private const long Busy = 0;
    private const long TimedOut = -1;
    private const long StopRequested = -2;
    private const long Finished = -3;

    // Replies to pipelined requests are sent together, up to about this many bytes at a time.
    private const int FlushThreshold = 32 * 1024;

    private readonly Socket _socket;
    private readonly ConnectionContext _context;
    private readonly ReceiveBuffer _input;
    private readonly PooledBufferWriter _output = new();
    private ReadOnlyMemory<byte> _line;
    private long _waitState;
    private long _replies;
    private string? _remoteAddress;

    public ConnectionSession(Socket socket, long id, int slot, ConnectionContext context)
    {
        _socket = socket;
        _context = context;
        _input = new ReceiveBuffer(context.MaxRequestBytes, context.LineBudget);
        Id = id;
        Slot = slot;
    }

    /// <summary>A number that tells this connection apart in the diagnostic log.</summary>
    public long Id { get; }

    /// <summary>The connection's slot in the <see cref="ConnectionTable"/>.</summary>
    public int Slot { get; }

    /// <summary>
    /// The client's IP address, for the event log; <c>-</c> when it is no longer known.
    /// </summary>
    public string RemoteAddress => _remoteAddress ??= DescribeRemote();

    /// <summary>Serves the connection until it closes. Never throws.</summary>
    public async Task RunAsync()
    {
        var reason = CloseReason.Failed;
        try
        {
            reason = await ServeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Closing the socket from outside (idle timeout, stop) can surface as an error here.
            reason = TakeInterruption() ?? CloseReason.SocketError;
            if (reason == CloseReason.SocketError && _context.LogConnections)
            {
                var error = (e as SocketException)?.SocketErrorCode ?? SocketError.Shutdown;
                Log.SocketFailed(_context.Logger, Id, error);
            }
        }
        catch (OperationCanceledException) when (_context.Aborted.IsCancellationRequested)
        {
            reason = CloseReason.Stopping;
        }
        catch (Exception e)
        {
            // Our own failure: this connection ends, the listener and every other client go on.
            Log.ConnectionFailed(_context.Logger, Id, e);
        }
        finally
        {
            Finish(reason);
        }
    }

    /// <summary>
    /// Closes the connection if it has waited for a line for at least <paramref name="idleTicks"/>.
    /// </summary>
    public void TimeOutIfIdle(long now, long idleTicks)
    {
        var since = Volatile.Read(ref _waitState);
        if (since > 0 && now - since >= idleTicks
            && Interlocked.CompareExchange(ref _waitState, TimedOut, since) == since)
        {
            Abort();
        }
    }

    /// <summary>
    /// Closes the connection if it is waiting for a request rather than answering one.
    /// </summary>
    public void StopIfWaiting()
    {
        var since = Volatile.Read(ref _waitState);
        if (since > 0 && Interlocked.CompareExchange(ref _waitState, StopRequested, since) == since)
        {
            Abort();
        }
    }

    /// <summary>Shuts the socket down, which ends a pending receive or send.</summary>
    public void Abort()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed, by either side: nothing is left to end.
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<CloseReason> ServeAsync()
    {
        while (true)
        {
            if (!BeginWaiting())
            {
                return CloseReason.Stopping;
            }

            var state = await ReceiveLineAsync().ConfigureAwait(false);
            if (TakeInterruption() is { } interruption)
            {
                return interruption;
            }

            switch (state)
            {
                case LineState.TooLong:
                    return CloseReason.Overrun;
                case LineState.Ended:
                    return _input.HasPartialLine || _replies == 0
                        ? CloseReason.Incomplete
                        : CloseReason.ClientDone;
            }

            if (!await AnswerLinesAsync().ConfigureAwait(false))
            {
                return CloseReason.Served;
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<LineState> ReceiveLineAsync()
    {
        while (true)
        {
            var state = _input.TakeLine(out _line);
            if (state != LineState.Incomplete)
            {
                return state;
            }

            // Without room for more of this line, it is treated as over the cap.
            if (!_input.TryGetFreeMemory(out var free))
            {
                return LineState.TooLong;
            }

            var received = await _socket.ReceiveAsync(free, SocketFlags.None).ConfigureAwait(false);
            if (received == 0)
            {
                return LineState.Ended;
            }

            _input.Advance(received);
        }
    }

    // Answers the line just taken and every further complete line already received, then sends
    // the replies in one write: pipelined requests cost one send, not one each.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> AnswerLinesAsync()
    {
        var counters = _context.Counters;
        var line = _line;
        var replies = 0;
        bool keepAlive;
        do
        {
            counters.Increment(Counter.In);
            keepAlive = await _context.Processor.AnswerAsync(line, _output, this, _context.Aborted)
                .ConfigureAwait(false);
            replies++;
        }
        while (keepAlive
            && _output.WrittenCount < FlushThreshold
            && !_context.Table.IsStopping
            && _input.TakeLine(out line) == LineState.Found);

        await FlushAsync(replies).ConfigureAwait(false);
        return keepAlive;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FlushAsync(int replies)
    {
        var counters = _context.Counters;
        counters.Increment(Counter.AOut);
        try
        {
            var unsent = _output.WrittenMemory;
            while (!unsent.IsEmpty)
            {
                var sent = await _socket.SendAsync(unsent, SocketFlags.None).ConfigureAwait(false);
                unsent = unsent[sent..];
            }
        }
        finally
        {
            counters.Decrement(Counter.AOut);
            _output.Reset();
        }

        counters.Add(Counter.Out, replies);
        _replies += replies;
    }

    private bool BeginWaiting()
    {
        Interlocked.Exchange(ref _waitState, Math.Max(1, _context.Time.GetTimestamp()));

        // Pairs with ConnectionTable.BeginStop: either the stop sees this session waiting and
        // closes it, or this sees the stop and closes itself. Both sides use full fences.
        return !_context.Table.IsStopping;
    }

    private CloseReason? TakeInterruption()
    {
        return Interlocked.Exchange(ref _waitState, Busy) switch
        {
            TimedOut => CloseReason.Idle,
            StopRequested => CloseReason.Stopping,
            _ => null,
        };
    }

    private void Finish(CloseReason reason)
    {
        // Counted before the close, so whoever sees the close also sees the count.
        Interlocked.Exchange(ref _waitState, Finished);
        var counters = _context.Counters;
        switch (reason)
        {
            case CloseReason.Incomplete:
                counters.Increment(Counter.BadConn);
                break;
            case CloseReason.Overrun:
                counters.Increment(Counter.DataOverrun);
                break;
            case CloseReason.Idle:
                counters.Increment(Counter.Idle);
                break;
        }

        _socket.Dispose();
        _input.Dispose();
        _output.Dispose();
        counters.Decrement(Counter.AIn);
        if (_context.LogConnections)
        {
            Log.ConnectionClosed(_context.Logger, Id, reason);
        }

        _context.Table.Release(Slot);
    }

    private string DescribeRemote()
    {
        try
        {
            return (_socket.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "-";
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return "-";
        }
    }
}
