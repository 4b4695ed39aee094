using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Tools;

/// <summary>
/// The exit codes of every <c>jrdlm</c> command, one per outcome, so shell scripts can branch on
/// them. A server status maps to its own code; the table is printed by <c>jrdlm --help</c>.
/// </summary>
public static class ExitCodes
{
    /// <summary>Locked, Unlocked, Done, Version, or a tool that did its job.</summary>
    public const int Success = 0;

    /// <summary>The command could not do its job: the server cannot listen, a file exists, a fight failed.</summary>
    public const int Failure = 1;

    /// <summary>The arguments, options or server configuration are invalid.</summary>
    public const int Usage = 2;

    /// <summary>Status NotOwner: another owner holds the entry.</summary>
    public const int NotOwner = 3;

    /// <summary>Status NotFound: there is no such entry.</summary>
    public const int NotFound = 4;

    /// <summary>Status NoData: the entry is a lock without a value.</summary>
    public const int NoData = 5;

    /// <summary>Status BadPayload: over a size or TTL limit, or the identity was refused.</summary>
    public const int BadPayload = 6;

    /// <summary>Status BadAction: the server does not know the action.</summary>
    public const int BadAction = 7;

    /// <summary>Status NO: the server is short of memory, or its backend is unreachable.</summary>
    public const int ServerBusy = 8;

    /// <summary>Status Corruption: a stored value could not be read back.</summary>
    public const int Corruption = 9;

    /// <summary>The server could not be reached.</summary>
    public const int ConnectionFailed = 10;

    /// <summary>The reply could not be read, or carries a status this client does not know.</summary>
    public const int ProtocolError = 11;

    /// <summary>A fight saw mutual exclusion broken: a lost increment or overlapping holders.</summary>
    public const int Violation = 12;

    /// <summary>
    /// <c>jrdlm serve</c> could not open its backend at start: Redis unreachable, the SQLite file
    /// or the entries directory unusable. Later outages answer <c>NO</c> instead.
    /// </summary>
    public const int BackendUnavailable = 13;

    /// <summary>Every code with a one-line meaning, in order, for help texts.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Table { get; } =
    [
        (Success, "Locked, Unlocked, Done, Version; or the command did its job"),
        (Failure, "the command failed (server cannot listen, file exists, fight unfinished, ...)"),
        (Usage, "invalid arguments, options or server configuration"),
        (NotOwner, "NotOwner: another owner holds the entry"),
        (NotFound, "NotFound: no such entry"),
        (NoData, "NoData: the entry is a lock without a value"),
        (BadPayload, "BadPayload: over a size or TTL limit, or identity refused"),
        (BadAction, "BadAction: the server does not know the action"),
        (ServerBusy, "NO: the server is short of memory or its backend unreachable"),
        (Corruption, "Corruption: a stored value could not be read back"),
        (ConnectionFailed, "the server could not be reached"),
        (ProtocolError, "unreadable reply or unknown status word"),
        (Violation, "fight/wars saw mutual exclusion broken"),
        (BackendUnavailable, "serve could not open its backend (Redis, SQLite file, directory)"),
    ];

    /// <summary>The exit code for a reply status; null (an unknown word) is a protocol error.</summary>
    public static int ForStatus(DlmStatus? status) => status switch
    {
        DlmStatus.Locked or DlmStatus.Unlocked or DlmStatus.Done or DlmStatus.Version => Success,
        DlmStatus.NotOwner => NotOwner,
        DlmStatus.NotFound => NotFound,
        DlmStatus.NoData => NoData,
        DlmStatus.BadPayload => BadPayload,
        DlmStatus.BadAction => BadAction,
        DlmStatus.NO => ServerBusy,
        DlmStatus.Corruption => Corruption,
        _ => ProtocolError,
    };
}
