using System.Net.Sockets;
using JackrabbitDlm.Protocol.Wire;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Client.Transport;

/// <summary>
/// Sends requests and reads replies: one connection per request as the original client does, or one
/// kept-alive connection reused while the server keeps it open. Retries connection failures.
/// </summary>
/// <remarks>
/// Thread-safe. A kept-alive connection serves one request at a time; concurrent requests open their
/// own connections and the last one back is kept. After <see cref="Dispose"/> requests still work,
/// each on a connection of its own, so handles outliving their client can still release their locks.
/// </remarks>
internal sealed class DlmTransport : IDisposable
{
    private readonly ClientSettings _settings;
    private readonly ILogger _logger;
    private DlmConnection? _idle;
    private int _disposed;

    public DlmTransport(ClientSettings settings, ILogger logger)
    {
        _settings = settings;
        _logger = logger;
    }

    public ClientSettings Settings => _settings;

    public ILogger Logger => _logger;

    /// <summary>Sends one request and reads its reply.</summary>
    /// <param name="owner">The owner id to send.</param>
    /// <param name="entryKey">The entry key.</param>
    /// <param name="action">The action.</param>
    /// <param name="ttl">The TTL; whole and fractional seconds are sent.</param>
    /// <param name="value">The already encoded value for <c>Put</c>, else null.</param>
    /// <param name="retry">
    /// False makes a single attempt, as the original's <c>IsLocked</c> does.
    /// </param>
    /// <param name="cancellationToken">Cancels the attempt in progress and any retry.</param>
    /// <exception cref="DlmConnectionException">No attempt reached the server.</exception>
    /// <exception cref="DlmProtocolException">
    /// The reply is not an encoded JackrabbitDLM reply.
    /// </exception>
    public async Task<DlmReply> SendAsync(
        string owner,
        string entryKey,
        DlmAction action,
        TimeSpan ttl,
        string? value,
        bool retry,
        CancellationToken cancellationToken)
    {
        var line = RequestLine.Build(
            owner,
            entryKey,
            action,
            ttl.TotalSeconds,
            value,
            _settings.IdentityName,
            _settings.IdentitySecret,
            _settings.KeepAlive);

        var lastAttempt = retry ? _settings.RetryCount : 0;
        for (var attempt = 0; ; attempt++)
        {
            byte[] replyLine;
            try
            {
                replyLine = await ExchangeWithTimeoutAsync(line, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception exception) when (IsConnectionFailure(exception, cancellationToken))
            {
                if (attempt >= lastAttempt)
                {
                    Log.ServerUnreachable(
                        _logger, _settings.Host, _settings.Port, attempt + 1, exception);
                    throw DlmErrors.Unreachable(_settings, attempt + 1, exception);
                }

                Log.AttemptFailed(_logger, _settings.Host, _settings.Port, attempt + 1, exception);
                await Task.Delay(_settings.RetryDelay, _settings.Time, cancellationToken)
                    .ConfigureAwait(false);
                continue;
            }

            var reply = ReplyReader.TryReadLine(replyLine)
                ?? throw DlmErrors.UnreadableReply(action);
            Log.RequestAnswered(_logger, action, entryKey, reply.StatusWord);
            return reply;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Interlocked.Exchange(ref _idle, null)?.Dispose();
        }
    }

    // A timeout of ours shows as a cancellation the caller did not ask for: that one is a
    // connection failure to retry, the caller's own cancellation is not.
    private static bool IsConnectionFailure(Exception exception, CancellationToken callerToken) =>
        exception switch
        {
            SocketException or IOException => true,
            OperationCanceledException => !callerToken.IsCancellationRequested,
            _ => false,
        };

    private async Task<byte[]> ExchangeWithTimeoutAsync(byte[] line, CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(_settings.SocketTimeout);

        var kept = TakeKeptConnection();
        if (kept is not null)
        {
            var keptReply = await TryKeptConnectionAsync(kept, line, timeout.Token).ConfigureAwait(false);
            if (keptReply is not null)
            {
                return keptReply;
            }
        }

        var connection = await DlmConnection.OpenAsync(_settings.Host, _settings.Port, timeout.Token)
            .ConfigureAwait(false);
        Log.ConnectionOpened(_logger, _settings.Host, _settings.Port);
        return await ExchangeAsync(connection, line, timeout.Token).ConfigureAwait(false)
            ?? throw new IOException("The server closed the connection without a reply.");
    }

    // A kept connection the server has closed since (the original server always does) is no
    // failure: the request goes out again on a new connection without counting as a retry.
    private async Task<byte[]?> TryKeptConnectionAsync(
        DlmConnection kept,
        byte[] line,
        CancellationToken token)
    {
        try
        {
            var reply = await ExchangeAsync(kept, line, token).ConfigureAwait(false);
            if (reply is null)
            {
                Log.KeptConnectionClosed(_logger);
            }

            return reply;
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            Log.KeptConnectionClosed(_logger);
            return null;
        }
    }

    // Returns the reply, or null when the server closed the connection without one. The connection
    // is kept for the next request only after a complete exchange; on any failure it is closed.
    private async Task<byte[]?> ExchangeAsync(
        DlmConnection connection,
        byte[] line,
        CancellationToken token)
    {
        byte[]? reply = null;
        try
        {
            reply = await connection.ExchangeAsync(line, token).ConfigureAwait(false);
            return reply;
        }
        finally
        {
            if (reply is not null && _settings.KeepAlive)
            {
                KeepConnection(connection);
            }
            else
            {
                connection.Dispose();
            }
        }
    }

    private DlmConnection? TakeKeptConnection()
    {
        var kept = Interlocked.Exchange(ref _idle, null);
        if (kept is null || kept.IsReusable)
        {
            return kept;
        }

        kept.Dispose();
        Log.KeptConnectionClosed(_logger);
        return null;
    }

    private void KeepConnection(DlmConnection connection)
    {
        Interlocked.Exchange(ref _idle, connection)?.Dispose();
        if (Volatile.Read(ref _disposed) != 0)
        {
            Interlocked.Exchange(ref _idle, null)?.Dispose();
        }
    }
}
