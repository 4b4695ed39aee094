using System.Net;
using System.Net.Sockets;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.LoadBench.Load;

/// <summary>
/// A minimal protocol client for load generation: sends a pre-encoded line, reads one reply
/// line. Either one connection per request (as the original client) or one kept-alive
/// connection for all requests of a slot.
/// </summary>
internal sealed class WireConnection : IAsyncDisposable
{
    private readonly IPEndPoint _endpoint;
    private readonly bool _keepAlive;
    private readonly byte[] _buffer = new byte[1 << 16];
    private byte[] _reply = new byte[1 << 16];
    private Socket? _socket;
    private int _buffered;

    public WireConnection(IPEndPoint endpoint, bool keepAlive)
    {
        _endpoint = endpoint;
        _keepAlive = keepAlive;
    }

    /// <summary>Sends <paramref name="line"/> and returns the reply line's length in <see cref="Reply"/>.</summary>
    public async ValueTask<int> ExchangeAsync(byte[] line, CancellationToken cancellationToken)
    {
        var socket = _socket ??= await ConnectAsync(cancellationToken);
        await socket.SendAsync(line, SocketFlags.None, cancellationToken);
        var length = await ReadLineAsync(socket, cancellationToken);
        if (!_keepAlive)
        {
            socket.Dispose();
            _socket = null;
            _buffered = 0;
        }

        return length;
    }

    /// <summary>The last reply line, without its newline.</summary>
    public ReadOnlySpan<byte> Reply(int length) => _reply.AsSpan(0, length);

    /// <summary>Reads the status of a reply line; null when it is not a valid reply.</summary>
    public DlmStatus? StatusOf(int length) => ReplyReader.TryReadLine(Reply(length))?.Status;

    public ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async ValueTask<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(_endpoint, cancellationToken);
        return socket;
    }

    private async ValueTask<int> ReadLineAsync(Socket socket, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (_buffered == 0)
            {
                _buffered = await socket.ReceiveAsync(_buffer, SocketFlags.None, cancellationToken);
                if (_buffered == 0)
                {
                    throw new IOException("the server closed the connection before a full reply");
                }
            }

            var chunk = _buffer.AsSpan(0, _buffered);
            var newline = chunk.IndexOf((byte)'\n');
            var take = newline < 0 ? chunk.Length : newline;
            Append(chunk[..take], ref length);
            if (newline < 0)
            {
                _buffered = 0;
                continue;
            }

            // Keep what followed the newline for the next reply of a kept-alive connection.
            var rest = chunk[(newline + 1)..];
            rest.CopyTo(_buffer);
            _buffered = rest.Length;
            return length;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes, ref int length)
    {
        if (length + bytes.Length > _reply.Length)
        {
            Array.Resize(ref _reply, Math.Max(_reply.Length * 2, length + bytes.Length));
        }

        bytes.CopyTo(_reply.AsSpan(length));
        length += bytes.Length;
    }
}
