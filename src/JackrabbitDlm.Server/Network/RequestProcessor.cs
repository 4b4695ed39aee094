using System.Buffers;
using System.Runtime.CompilerServices;
using JackrabbitDlm.Engine;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Protocol.Wire;
using JackrabbitDlm.Server.Files;
using JackrabbitDlm.Server.Logging;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Network;

/// <summary>
/// Turns one request line into one reply line. A line that cannot be read is answered
/// <c>BadPayload</c> like any other refused request, and every refused request is quarantined and
/// written to the event log. Thread-safe; one instance serves every connection.
/// </summary>
internal sealed class RequestProcessor
{
    private readonly DlmEngine _engine;
    private readonly IQuarantine _quarantine;
    private readonly IEventLog _eventLog;
    private readonly ILogger _logger;

    // Read once: checking the level per request costs more than the rest of the logging path.
    private readonly bool _logRequests;

    public RequestProcessor(
        DlmEngine engine,
        IQuarantine quarantine,
        IEventLog eventLog,
        ILogger logger)
    {
        _engine = engine;
        _quarantine = quarantine;
        _eventLog = eventLog;
        _logger = logger;
        _logRequests = logger.IsEnabled(LogLevel.Debug);
    }

    /// <summary>
    /// Answers <paramref name="line"/> (without its newline), appending the reply to <paramref
    /// name="output"/>.
    /// </summary>
    /// <returns>True when the request asked to keep the connection open for another one.</returns>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> AnswerAsync(
        ReadOnlyMemory<byte> line,
        IBufferWriter<byte> output,
        ConnectionSession session,
        CancellationToken cancellationToken)
    {
        var error = RequestReader.TryReadLine(line.Span, out var request);
        var keepAlive = false;
        EngineReply reply;
        if (request is null)
        {
            reply = _engine.Refuse(ToRefusalReason(error));
        }
        else
        {
            keepAlive = request.KeepAlive;
            reply = await _engine.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (reply.Refusal is { } reason)
        {
            KeepRefused(line.Span, reason, session);
        }

        reply.Response.WriteLine(output);
        if (_logRequests)
        {
            Log.RequestAnswered(_logger, session.Id, reply.Response.Status);
        }

        return keepAlive;
    }

    /// <summary>The event log's reason for a line that could not be read.</summary>
    public static RefusalReason ToRefusalReason(RequestError error) => error switch
    {
        RequestError.MissingField or RequestError.BadExpire => RefusalReason.KeyVerify,
        _ => RefusalReason.Payload,
    };

    private void KeepRefused(
        ReadOnlySpan<byte> line,
        RefusalReason reason,
        ConnectionSession session)
    {
        if (_logRequests)
        {
            Log.RequestRefused(_logger, session.Id, reason);
        }

        // Writing the files is left to the thread pool: requests may be answered on the socket
        // event threads, which must never wait for a disk, however many bad requests arrive.
        var refused = new RefusedRequest(this, line.ToArray(), reason, session.Id, session.RemoteAddress);
        ThreadPool.UnsafeQueueUserWorkItem(static refused => refused.Keep(), refused, preferLocal: false);
    }

    private sealed record RefusedRequest(
        RequestProcessor Processor, byte[] Line, RefusalReason Reason, long ConnectionId, string RemoteAddress)
    {
        // The client has its answer already when the quarantine or the event log fails.
        public void Keep()
        {
            try
            {
                var file = Processor._quarantine.Keep(Line, Reason);
                Processor._eventLog.WriteRefusal(Reason, RemoteAddress, file);
            }
            catch (Exception e)
            {
                Log.KeepRefusedFailed(Processor._logger, ConnectionId, e);
            }
        }
    }
}
