namespace JackrabbitDlm.Engine.Backends;

/// <summary>How many entries a backend holds, split as the statistics count them.</summary>
/// <param name="Locks">Entries without a value.</param>
/// <param name="Values">Entries with a value.</param>
public readonly record struct EntryCounts(long Locks, long Values);
