namespace JackrabbitDlm.Tools.Fighting;

/// <summary>How a fighter tries to take the lock.</summary>
public enum FightMode
{
    /// <summary>Lock with retries, pausing 100 ms after a refusal and after every round.</summary>
    Patient,

    /// <summary>One attempt at a time with no retries and no pauses.</summary>
    Aggressive,

    /// <summary>Patient or aggressive at random, round by round.</summary>
    Chaos,
}
