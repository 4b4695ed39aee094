namespace JackrabbitDlm.Server.Network;

/// <summary>What reading the next request line from a connection came to.</summary>
internal enum LineState
{
    /// <summary>A complete line was taken.</summary>
    Found,

    /// <summary>No newline yet, and the bytes without one are within the cap.</summary>
    Incomplete,

    /// <summary>More bytes than the cap arrived without a newline.</summary>
    TooLong,

    /// <summary>
    /// The client will send nothing more: it closed or half-closed the connection.
    /// </summary>
    Ended,
}
