namespace JackrabbitDlm.Tools.Fighting;

/// <summary>
/// A request of the round found no server; the round is given up and the fight goes on.
/// </summary>
internal sealed class RoundAbandonedException : Exception
{
    public RoundAbandonedException(string message)
        : base(message)
    {
    }
}
