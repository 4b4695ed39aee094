using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Cli.Tests.Infrastructure;

/// <summary>
/// A real TCP peer on 127.0.0.1 that answers every request line with one fixed reply and records
/// the requests as JSON. It knows no rules: it tests what the CLI makes of each status.
/// </summary>
internal sealed class StatusResponder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _reply;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StatusResponder(byte[] reply)
    {
        _reply = reply;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = AcceptAsync();
    }

    public int Port { get; }

    public string PortText => Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The decoded requests, in order of arrival.</summary>
    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    public static StatusResponder Answering(
        DlmStatus status,
        string? id = null,
        string? value = null,
        long? token = null)
    {
        var response = new DlmResponse(status)
        {
            Id = id is null ? null : Encoding.UTF8.GetBytes(id),
            Value = value is null ? null : Encoding.UTF8.GetBytes(value),
            Token = token,
        };
        var line = new ArrayBufferWriter<byte>();
        response.WriteLine(line);
        return new StatusResponder(line.WrittenSpan.ToArray());
    }

    /// <summary>Answers with any JSON text, encoded as the protocol does.</summary>
    public static StatusResponder AnsweringJson(string json) =>
        new(Encoding.ASCII.GetBytes(DlmTextEncoding.EncodeText(json) + "\n"));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(socket));
        }
    }

    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        using (var stream = new NetworkStream(socket))
        using (var reader = new StreamReader(stream, Encoding.ASCII))
        {
            var line = await reader.ReadLineAsync(_stop.Token);
            if (line is null)
            {
                return;
            }

            var json = DlmTextEncoding.DecodeText(line.Trim());
            if (json is not null)
            {
                using var document = JsonDocument.Parse(json);
                Requests.Enqueue(document.RootElement.Clone());
            }

            await stream.WriteAsync(_reply, _stop.Token);
        }
    }
}
