using JackrabbitDlm.Client.Transport;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Client;

/// <summary>
/// Every exception this client throws for a server, wire or wait outcome is made here.
/// </summary>
internal static class DlmErrors
{
    public static DlmConnectionException Unreachable(
        ClientSettings settings,
        int attempts,
        Exception lastFailure) =>
        new(settings.Host, settings.Port, attempts, lastFailure);

    public static DlmProtocolException UnreadableReply(DlmAction action) =>
        new($"The reply to {action.ToWire()} is not an encoded JackrabbitDLM reply.", null);

    public static DlmProtocolException ReplyTooLong(int limitBytes) =>
        new($"The reply is longer than {limitBytes} bytes.", statusWord: null);

    /// <summary>The exception for a status the caller cannot act on.</summary>
    /// <returns>
    /// A <see cref="DlmRefusedException"/> for refusals, else a <see cref="DlmProtocolException"/>.
    /// </returns>
    public static DlmException UnexpectedStatus(DlmAction action, string entryKey, DlmReply reply)
    {
        var what = $"{action.ToWire()} of '{entryKey}'";
        return reply.Status switch
        {
            DlmStatus.BadPayload => new DlmRefusedException(
                $"The server refused {what}: over a size or TTL limit, or identity not accepted.",
                DlmStatus.BadPayload),
            DlmStatus.NO => new DlmRefusedException(
                $"The server refused {what}: it is short of memory.", DlmStatus.NO),
            _ => new DlmProtocolException(
                $"The server answered {what} with the unexpected status '{reply.StatusWord}'.",
                reply.StatusWord),
        };
    }

    public static DlmProtocolException UndecodableValue(string entryKey) =>
        new($"The value decoder could not decode the value of '{entryKey}'.", DlmStatus.Done.ToWire());

    public static DlmProtocolException VersionMissing(DlmReply reply) =>
        new("The server answered Version without a version text.", reply.StatusWord);

    public static DlmTimeoutException AcquireTimedOut(string entryKey, TimeSpan timeout) =>
        new(entryKey, timeout);
}
