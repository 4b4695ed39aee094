namespace JackrabbitDlm.Engine.Tokens;

/// <summary>Reservations kept only in memory: tokens grow within one process, not across restarts.</summary>
public sealed class VolatileTokenReservations : ITokenReservationStore
{
    private long _ceiling;

    public long LoadCeiling() => Interlocked.Read(ref _ceiling);

    public void SaveCeiling(long ceiling) => Interlocked.Exchange(ref _ceiling, ceiling);
}
