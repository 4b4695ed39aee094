using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Client;

/// <summary>
/// What a <see cref="Locker"/> operation got back: the server's status word with the fields of the
/// reply, or <see cref="FailureWord"/> when the server could not be reached (the original client's
/// <c>'failure'</c>).
/// </summary>
public sealed record LockerResult
{
    /// <summary>The status word of a request that never reached the server.</summary>
    public const string FailureWord = "failure";

    /// <summary>
    /// The status word exactly as the server sent it, or <see cref="FailureWord"/>.
    /// </summary>
    public required string StatusWord { get; init; }

    /// <summary>
    /// The status, or null for <see cref="FailureWord"/> and for words the protocol does not
    /// define.
    /// </summary>
    public DlmStatus? Status => DlmStatusWords.TryParse(StatusWord, out var status) ? status : null;

    /// <summary>True when the server could not be reached within the retries.</summary>
    public bool IsFailure => StatusWord == FailureWord;

    /// <summary>
    /// The reply's <c>ID</c> field: the owner id of a granted request, or the server's version text
    /// for <see cref="Locker.Version"/>; null when the reply had none.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>The decoded value of a successful <see cref="Locker.Get"/>, else null.</summary>
    public string? Value { get; init; }

    /// <summary>
    /// The fencing token of a <c>Locked</c> reply, when the server sends one (ours does).
    /// </summary>
    public long? Token { get; init; }

    /// <summary>
    /// Why the last attempt failed, for a <see cref="FailureWord"/> result; else null.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>True when <see cref="Status"/> is <paramref name="status"/>.</summary>
    public bool Is(DlmStatus status) => Status == status;

    /// <summary>The status word, as the original client returns it.</summary>
    public override string ToString() => StatusWord;

    internal static LockerResult Failure(DlmConnectionException exception) => new()
    {
        StatusWord = FailureWord,
        Error = exception.InnerException?.Message ?? exception.Message,
    };

    internal static LockerResult FromReply(DlmReply reply, string? value) => new()
    {
        StatusWord = reply.StatusWord,
        Id = reply.Id,
        Value = value,
        Token = reply.Token,
    };
}
