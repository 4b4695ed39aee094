namespace JackrabbitDlm.Protocol.Wire;

/// <summary>The status word of every reply (wire field <c>Status</c>).</summary>
public enum DlmStatus
{
    /// <summary>The requester holds the lock.</summary>
    Locked,

    /// <summary>The entry is free, or was released by this request.</summary>
    Unlocked,

    /// <summary>Someone else holds the entry, or the requester's identity does not match.</summary>
    NotOwner,

    /// <summary>There is no entry under that key.</summary>
    NotFound,

    /// <summary>A value action succeeded.</summary>
    Done,

    /// <summary>The requester's entry holds no value.</summary>
    NoData,

    /// <summary>The request was refused before it ran: malformed, over a limit, or not authenticated.</summary>
    BadPayload,

    /// <summary>The action is not one the server knows.</summary>
    BadAction,

    /// <summary>The server is over its memory threshold and refuses new locks and values for now.</summary>
    NO,

    /// <summary>A stored value could not be read back.</summary>
    Corruption,

    /// <summary>The answer to <c>Version</c>; the version text is in the <c>ID</c> field.</summary>
    Version,
}
