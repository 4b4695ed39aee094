namespace JackrabbitDlm.Engine.Rules;

/// <summary>What a backend must do to the entry after a decision.</summary>
public enum EntryChange
{
    /// <summary>Leave the entry as it is (or absent).</summary>
    None,

    /// <summary>Make a new entry owned by the requester, with a new fencing token.</summary>
    Create,

    /// <summary>Set the entry's expiry; owner, token and value stay.</summary>
    Extend,

    /// <summary>Replace the entry's value and set its expiry; owner and token stay.</summary>
    ReplaceValue,

    /// <summary>Remove the entry and its value.</summary>
    Delete,
}
