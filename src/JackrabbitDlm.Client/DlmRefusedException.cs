using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Client;

/// <summary>
/// The server refused the request without running it: <see cref="DlmStatus.BadPayload"/> (over a
/// size or TTL limit, or the identity was not accepted) or <see cref="DlmStatus.NO"/> (the server
/// is short of memory; trying again later may succeed).
/// </summary>
public sealed class DlmRefusedException : DlmException
{
    /// <summary>Makes the exception for the refusing status.</summary>
    public DlmRefusedException(string message, DlmStatus status)
        : base(message)
    {
        Status = status;
    }

    /// <summary>The status the server answered.</summary>
    public DlmStatus Status { get; }
}
