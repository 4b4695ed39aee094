namespace JackrabbitDlm.Tools.Statistics;

/// <summary>One statistics line of the event log: when it was written and its counters.</summary>
/// <param name="Timestamp">The line's time stamp, in the server's local time as written.</param>
/// <param name="Counters">Each counter named on the line with its value.</param>
public sealed record StatisticsRecord(DateTime Timestamp, IReadOnlyDictionary<string, double> Counters);
