namespace JackrabbitDlm.Tools.Fighting;

/// <summary>The fight cannot go on: the server is gone or the shared entries are not usable.</summary>
internal sealed class FightAbortedException : Exception
{
    public FightAbortedException(string message)
        : base(message)
    {
    }
}
