using System.Net;
using System.Net.Sockets;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Backends.Tests.Servers;

/// <summary>
/// A bare protocol client: one request line per connection, as the original client sends them.
/// </summary>
internal static class DlmWire
{
    private const int MaxReplyBytes = 1 << 20;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Sends one request and reads its reply.</summary>
    /// <exception cref="SocketException">The server is not there (e.g. killed).</exception>
    /// <exception cref="IOException">
    /// The connection broke, or closed before a whole reply line.
    /// </exception>
    /// <exception cref="OperationCanceledException">No reply within 30 s.</exception>
    public static async Task<DlmReply> SendAsync(
        IPEndPoint server, DlmAction action, string key, string owner, string? value = null,
        double ttlSeconds = 0)
    {
        var line = RequestLine.Build(owner, key, action, ttlSeconds, value);
        using var deadline = new CancellationTokenSource(RequestTimeout);
        using var socket = new Socket(
            AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
        };
        await socket.ConnectAsync(server, deadline.Token);
        await socket.SendAsync(line, SocketFlags.None, deadline.Token);

        var reply = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (reply.Length < MaxReplyBytes)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
            if (read == 0)
            {
                break;
            }

            reply.Write(buffer, 0, read);
            if (buffer[read - 1] == (byte)'\n')
            {
                break;
            }
        }

        var bytes = reply.ToArray();
        if (bytes.Length == 0 || bytes[^1] != (byte)'\n')
        {
            throw new IOException($"The connection closed after {bytes.Length} bytes of a reply");
        }

        return ReplyReader.TryReadLine(bytes)
            ?? throw new IOException("The reply is not an encoded JSON object with a Status");
    }
}
