using JackrabbitDlm.Engine.Statistics;
using Microsoft.Extensions.Logging;

namespace JackrabbitDlm.Server.Network;

/// <summary>What every connection of one listener shares.</summary>
internal sealed class ConnectionContext
{
    public required RequestProcessor Processor { get; init; }

    public required CounterSet Counters { get; init; }

    public required ConnectionTable Table { get; init; }

    public required TimeProvider Time { get; init; }

    public required ILogger Logger { get; init; }

    /// <summary>The longest request line in bytes, newline excluded.</summary>
    public required int MaxRequestBytes { get; init; }

    /// <summary>What all connections together may hold for long lines.</summary>
    public required LineBufferBudget LineBudget { get; init; }

    /// <summary>
    /// Cancelled when a stopping server's grace period is over: requests in flight give up.
    /// </summary>
    public required CancellationToken Aborted { get; init; }

    /// <summary>
    /// True when connection events are logged (Debug); read once, since it is checked per
    /// connection.
    /// </summary>
    public required bool LogConnections { get; init; }
}
