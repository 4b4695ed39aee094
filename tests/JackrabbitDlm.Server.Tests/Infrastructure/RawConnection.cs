using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace JackrabbitDlm.Server.Tests.Infrastructure;

/// <summary>
/// A minimal TCP client for tests: sends bytes as given, reads reply lines, sees the close.
/// </summary>
internal sealed class RawConnection : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly List<byte> _received = [];

    private RawConnection(Socket socket)
    {
        _socket = socket;
    }

    public Socket Socket => _socket;

    public static async Task<RawConnection> OpenAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
        };
        try
        {
            await socket.ConnectAsync(endPoint);
            return new RawConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await _socket.SendAsync(bytes, SocketFlags.None);
            bytes = bytes[sent..];
        }
    }

    /// <summary>Sends a JSON request text as one encoded line.</summary>
    public Task SendRequestAsync(string json) => SendAsync(Wire.EncodeLine(json));

    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>
    /// Reads one line without its newline; null when the server closed before a whole line came.
    /// </summary>
    /// <exception cref="OperationCanceledException">Neither line nor close in time.</exception>
    public async Task<string?> ReadLineAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var newline = _received.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Encoding.ASCII.GetString([.. _received.GetRange(0, newline)]);
                _received.RemoveRange(0, newline + 1);
                return line;
            }

            if (await ReceiveAsync(deadline.Token) == 0)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Reads one reply line and decodes it; null when the server closed without one.
    /// </summary>
    public async Task<JsonElement?> ReadReplyAsync(TimeSpan? timeout = null)
    {
        var line = await ReadLineAsync(timeout);
        return line is null ? null : Wire.DecodeReply(line);
    }

    /// <summary>Waits for the server to close the connection.</summary>
    /// <returns>How many bytes arrived before the close that were not read as lines.</returns>
    /// <exception cref="OperationCanceledException">Still open at the timeout.</exception>
    public async Task<int> ReadToCloseAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (await ReceiveAsync(deadline.Token) > 0)
        {
        }

        return _received.Count;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<int> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        int read;
        try
        {
            read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            // The server closed while unread bytes of ours were pending: a close all the same.
            return 0;
        }

        _received.AddRange(buffer.AsSpan(0, read));
        return read;
    }
}
