using System.Net;
using System.Net.Sockets;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Protocol.Wire;
using JackrabbitDlm.Server.Network;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Logging;

/// <summary>
/// Every diagnostic message of the server. Event ids are stable: 1-99 hosting, 100-199 network;
/// the file-based parts log from 3000 (see Files/FilesLog.cs). A client's bad request is Debug,
/// never an error.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Jackrabbit DLM {Version} starting")]
    public static partial void Starting(ILogger logger, string version);

    [LoggerMessage(2, LogLevel.Information, "Listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(3, LogLevel.Information, "Backend {Backend}")]
    public static partial void Backend(ILogger logger, string backend);

    [LoggerMessage(
        4,
        LogLevel.Information,
        "Base directory {BaseDirectory}; up to {MaxConnections} connections, "
            + "idle timeout {IdleTimeout}, request lines up to {MaxRequestBytes} bytes, "
            + "statistics every {StatisticsInterval}")]
    public static partial void Configuration(
        ILogger logger,
        string baseDirectory,
        int maxConnections,
        TimeSpan idleTimeout,
        int maxRequestBytes,
        TimeSpan statisticsInterval);

    [LoggerMessage(
        5, LogLevel.Information, "Stopping: accepting no more connections, {OpenConnections} open")]
    public static partial void Stopping(ILogger logger, int openConnections);

    [LoggerMessage(6, LogLevel.Information, "Stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(
        7,
        LogLevel.Warning,
        "{OpenConnections} connections still busy after the shutdown grace; closing them")]
    public static partial void ShutdownGraceExpired(ILogger logger, int openConnections);

    [LoggerMessage(
        8, LogLevel.Warning, "{OpenConnections} connections did not finish after being closed")]
    public static partial void ConnectionsLeftOpen(ILogger logger, int openConnections);

    [LoggerMessage(9, LogLevel.Critical, "Cannot listen on {EndPoint}: {Reason}")]
    public static partial void ListenFailed(ILogger logger, string endPoint, string reason);

    [LoggerMessage(10, LogLevel.Error, "Writing the statistics line failed")]
    public static partial void StatisticsFailed(ILogger logger, Exception exception);

    [LoggerMessage(100, LogLevel.Debug, "Connection {ConnectionId} opened from {RemoteEndPoint}")]
    public static partial void ConnectionOpened(ILogger logger, long connectionId, EndPoint? remoteEndPoint);

    [LoggerMessage(101, LogLevel.Debug, "Connection {ConnectionId} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, long connectionId, CloseReason reason);

    [LoggerMessage(102, LogLevel.Debug, "Connection {ConnectionId} answered {Status}")]
    public static partial void RequestAnswered(ILogger logger, long connectionId, DlmStatus status);

    [LoggerMessage(103, LogLevel.Debug, "Connection {ConnectionId} request refused: {Reason}")]
    public static partial void RequestRefused(ILogger logger, long connectionId, RefusalReason reason);

    [LoggerMessage(
        104,
        LogLevel.Warning,
        "Connection cap of {MaxConnections} reached: refusing new connections "
            + "({Suppressed} more since the last warning)")]
    public static partial void ConnectionCapReached(ILogger logger, int maxConnections, long suppressed);

    [LoggerMessage(105, LogLevel.Debug, "Connection {ConnectionId} socket error {SocketError}")]
    public static partial void SocketFailed(ILogger logger, long connectionId, SocketError socketError);

    [LoggerMessage(106, LogLevel.Error, "Connection {ConnectionId} failed and was closed")]
    public static partial void ConnectionFailed(ILogger logger, long connectionId, Exception exception);

    [LoggerMessage(
        107,
        LogLevel.Error,
        "Accepting a connection failed ({Suppressed} more failures since the last message)")]
    public static partial void AcceptFailed(ILogger logger, long suppressed, Exception exception);

    [LoggerMessage(
        108, LogLevel.Error, "Keeping the refused request of connection {ConnectionId} failed")]
    public static partial void KeepRefusedFailed(ILogger logger, long connectionId, Exception exception);
}
