namespace JackrabbitDlm.Tools.Wars;

/// <summary>Where a war stands.</summary>
/// <param name="Counter">The counter on the server, or null when it could not be read.</param>
/// <param name="Target">The target.</param>
/// <param name="Running">Fighters still running.</param>
/// <param name="Fighters">Fighters started.</param>
/// <param name="Elapsed">Time since the fighters were started.</param>
public sealed record WarProgress(long? Counter, long Target, int Running, int Fighters, TimeSpan Elapsed);
