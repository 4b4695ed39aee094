using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Client.Tests.Infrastructure;

/// <summary>
/// A tiny real TCP peer on 127.0.0.1 that answers each request line with whatever the test's handler
/// returns, and records what it was sent. Not a JackrabbitDLM server: it knows no rules.
/// </summary>
internal sealed class CannedServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<DlmRequest, byte[]?> _handler;
    private readonly bool _keepOpen;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _connections;
    private int _unreadableRequests;

    /// <param name="handler">Returns the reply line for a request, or null to close without a reply.</param>
    /// <param name="keepOpen">True to read further requests on a connection, as a keep-alive server does.</param>
    /// <param name="port">The port to listen on; 0 lets the system choose.</param>
    public CannedServer(Func<DlmRequest, byte[]?> handler, bool keepOpen = false, int port = 0)
    {
        _handler = handler;
        _keepOpen = keepOpen;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port { get; }

    /// <summary>Every request read, in order of arrival.</summary>
    public ConcurrentQueue<DlmRequest> Requests { get; } = new();

    /// <summary>The decoded JSON text of every request read, in order of arrival.</summary>
    public ConcurrentQueue<string> RequestJson { get; } = new();

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Request lines that were not an encoded request with every field of the right type.</summary>
    public int UnreadableRequests => Volatile.Read(ref _unreadableRequests);

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

    /// <summary>An encoded reply line.</summary>
    public static byte[] Reply(DlmStatus status, string? id = null, string? value = null, long? token = null)
    {
        var response = new DlmResponse(status)
        {
            Id = id is null ? null : System.Text.Encoding.UTF8.GetBytes(id),
            Value = value is null ? null : System.Text.Encoding.UTF8.GetBytes(value),
            Token = token,
        };
        var output = new ArrayBufferWriter<byte>();
        response.WriteLine(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A <c>Locked</c> reply for the requester, with a fencing token.</summary>
    public static byte[] Grant(DlmRequest request, long? token = null) =>
        Reply(DlmStatus.Locked, request.Owner(), token: token);

    /// <summary>A reply line holding any JSON text, encoded as the protocol does.</summary>
    public static byte[] RawReply(string json) =>
        System.Text.Encoding.ASCII.GetBytes(DlmTextEncoding.EncodeText(json) + "\n");

    /// <summary>A handler that answers every request with the same reply.</summary>
    public static Func<DlmRequest, byte[]?> Always(DlmStatus status, string? id = null, string? value = null) =>
        _ => Reply(status, id, value);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception)
        {
            // The loop ends by the listener being stopped under it.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var pending = new List<byte>();
                var buffer = new byte[4096];
                while (true)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    pending.AddRange(buffer.AsSpan(0, read));
                    int newline;
                    while ((newline = pending.IndexOf((byte)'\n')) >= 0)
                    {
                        var line = pending.GetRange(0, newline).ToArray();
                        pending.RemoveRange(0, newline + 1);
                        if (!await AnswerAsync(stream, line) || !_keepOpen)
                        {
                            return;
                        }
                    }
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                // Disposed while the client was still connected.
            }
            catch (IOException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private async Task<bool> AnswerAsync(NetworkStream stream, byte[] line)
    {
        var error = RequestReader.TryReadLine(line, out var request);
        if (error != RequestError.None || request is null)
        {
            Interlocked.Increment(ref _unreadableRequests);
            return false;
        }

        Requests.Enqueue(request);
        RequestJson.Enqueue(DlmTextEncoding.DecodeText(System.Text.Encoding.ASCII.GetString(line).Trim())!);
        var reply = _handler(request);
        if (reply is null)
        {
            return false;
        }

        await stream.WriteAsync(reply, _stop.Token);
        return true;
    }
}
