namespace JackrabbitDlm.Protocol.Wire;

/// <summary>The actions a request can ask for (wire field <c>Action</c>, case-insensitive).</summary>
public enum DlmAction
{
    /// <summary>Take a lock, or extend one the requester already owns.</summary>
    Lock,

    /// <summary>Release an owned entry, its value included.</summary>
    Unlock,

    /// <summary>Ask whether the requester holds the entry; never acquires.</summary>
    TestLock,

    /// <summary>Read an owned entry's value.</summary>
    Get,

    /// <summary>Store a value, creating the entry or replacing an owned one's value.</summary>
    Put,

    /// <summary>Remove an owned entry and its value.</summary>
    Erase,

    /// <summary>Ask the server for its name and version.</summary>
    Version,
}
