namespace JackrabbitDlm.Tools.Fighting;

/// <summary>How mutual exclusion was seen to break.</summary>
public enum ViolationKind
{
    /// <summary>The counter under the lock was not what this fighter had written.</summary>
    LostIncrement,

    /// <summary>Another holder wrote while this fighter believed it held the lock.</summary>
    Overlap,
}
