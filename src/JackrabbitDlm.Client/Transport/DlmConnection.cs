using System.Buffers;
using System.Net.Sockets;

namespace JackrabbitDlm.Client.Transport;

/// <summary>One TCP connection to a server, used for one request at a time.</summary>
/// <remarks>
/// Not thread-safe: <see cref="DlmTransport"/> hands a connection to one caller at a time.
/// </remarks>
internal sealed class DlmConnection : IDisposable
{
    /// <summary>
    /// The longest reply line read; a longer one is a protocol failure, not a memory hazard.
    /// </summary>
    public const int MaxReplyBytes = 64 * 1024 * 1024;

    private const int ReadChunkBytes = 16 * 1024;

    private readonly Socket _socket;

    private DlmConnection(Socket socket)
    {
        _socket = socket;
    }

    /// <summary>Connects to the server.</summary>
    /// <exception cref="SocketException">
    /// The connection was refused or could not be made.
    /// </exception>
    /// <exception cref="OperationCanceledException">The token fired first.</exception>
    public static async Task<DlmConnection> OpenAsync(
        string host,
        int port,
        CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return new DlmConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// True while the server has neither closed the connection nor sent anything unasked; a
    /// kept-alive connection is checked with this before it is used again.
    /// </summary>
    public bool IsReusable
    {
        get
        {
            try
            {
                return _socket.Connected && !_socket.Poll(0, SelectMode.SelectRead);
            }
            catch (SocketException)
            {
                return false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    /// <summary>Sends one request line and reads one reply line.</summary>
    /// <returns>
    /// The reply line without its newline, or null when the server closed the connection before
    /// sending anything.
    /// </returns>
    /// <exception cref="SocketException">The connection was reset.</exception>
    /// <exception cref="OperationCanceledException">The token fired first.</exception>
    /// <exception cref="DlmProtocolException">
    /// The reply is longer than <see cref="MaxReplyBytes"/>.
    /// </exception>
    public async Task<byte[]?> ExchangeAsync(ReadOnlyMemory<byte> requestLine, CancellationToken token)
    {
        await _socket.SendAsync(requestLine, SocketFlags.None, token).ConfigureAwait(false);

        var reply = new ArrayBufferWriter<byte>(256);
        while (true)
        {
            var chunk = reply.GetMemory(ReadChunkBytes);
            var read = await _socket.ReceiveAsync(chunk, SocketFlags.None, token).ConfigureAwait(false);
            if (read == 0)
            {
                // The protocol lets a server end the line by closing (PROTOCOL.md section 1), so a
                // partial line at the end of the stream is the reply; nothing at all is a failure.
                return reply.WrittenCount == 0 ? null : reply.WrittenSpan.ToArray();
            }

            var newline = chunk.Span[..read].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                reply.Advance(newline);
                return reply.WrittenSpan.ToArray();
            }

            reply.Advance(read);
            if (reply.WrittenCount > MaxReplyBytes)
            {
                throw DlmErrors.ReplyTooLong(MaxReplyBytes);
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
