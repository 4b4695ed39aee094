namespace JackrabbitDlm.Server.Network;

/// <summary>
/// Why a connection was closed; it decides which statistics counter, if any, counts it.
/// </summary>
internal enum CloseReason
{
    /// <summary>Replied to a request that did not ask to keep the connection open.</summary>
    Served,

    /// <summary>The client closed a kept-alive connection between requests.</summary>
    ClientDone,

    /// <summary>
    /// The client closed, or half-closed, before completing a line (counted <c>BadConn</c>).
    /// </summary>
    Incomplete,

    /// <summary>
    /// More than the request size cap arrived without a newline (counted <c>DataOverrun</c>).
    /// </summary>
    Overrun,

    /// <summary>No complete line within the idle timeout (counted <c>Idle</c>).</summary>
    Idle,

    /// <summary>The server is stopping.</summary>
    Stopping,

    /// <summary>The socket failed, e.g. the client reset the connection.</summary>
    SocketError,

    /// <summary>An unexpected exception; it is logged as an error.</summary>
    Failed,
}
