namespace JackrabbitDlm.Engine.Tokens;

/// <summary>
/// Keeps the highest fencing token a server may have handed out, so that tokens keep growing
/// across restarts.
/// </summary>
public interface ITokenReservationStore
{
    /// <summary>The highest token reserved by any earlier run; 0 when there was none.</summary>
    long LoadCeiling();

    /// <summary>Durably records that tokens up to <paramref name="ceiling"/> may be handed out.</summary>
    void SaveCeiling(long ceiling);
}
