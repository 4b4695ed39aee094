namespace JackrabbitDlm.Tools.Wars;

/// <summary>Where a war stands.</summary>
/// <param name="Counter">The counter on the server, or null when it could not be read.</param>
/// <param name="Target">The target.</param>
/// <param name="Running">Fighters still running.</param>
/// <param name="Fighters">Fighters started.</param>
/// <param name="Elapsed">Time since the fighters were started.</param>
/// <param name="RunningByServer">
/// Fighters still running on each server, in the order of
/// <see cref="WarOptions.EffectiveServers"/>.
/// </param>
/// <param name="FightersByServer">Fighters started on each server, in the same order.</param>
public sealed record WarProgress(
    long? Counter,
    long Target,
    int Running,
    int Fighters,
    TimeSpan Elapsed,
    IReadOnlyList<int> RunningByServer,
    IReadOnlyList<int> FightersByServer);
