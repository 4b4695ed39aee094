namespace JackrabbitDlm.Engine.Rules;

/// <summary>
/// What an action did. Finer than the status word, so that statistics can tell a new lock from a
/// renewal; <see cref="ActionOutcomes"/> maps each to its status.
/// </summary>
public enum ActionOutcome
{
    /// <summary>A free entry was locked: a new grant with a new fencing token.</summary>
    Locked,

    /// <summary>The owner renewed its lock.</summary>
    Relocked,

    /// <summary>The owner released its entry.</summary>
    Unlocked,

    /// <summary>Unlock of an entry that does not exist.</summary>
    UnlockedNotFound,

    /// <summary>TestLock by the owner.</summary>
    TestLocked,

    /// <summary>TestLock of an entry that does not exist.</summary>
    TestUnlocked,

    /// <summary>Get by the owner of an entry with a value.</summary>
    GotValue,

    /// <summary>Get by the owner of an entry without a value.</summary>
    GotNoData,

    /// <summary>Get of an entry that does not exist.</summary>
    GetNotFound,

    /// <summary>Put made a new entry.</summary>
    PutNew,

    /// <summary>Put replaced the value of the owner's entry.</summary>
    PutUpdated,

    /// <summary>The owner erased its entry.</summary>
    Erased,

    /// <summary>Erase of an entry that does not exist.</summary>
    EraseNotFound,

    /// <summary>The entry belongs to someone else, or the identity does not match.</summary>
    NotOwner,

    /// <summary>Refused because the server is over its memory threshold.</summary>
    Overloaded,

    /// <summary>The stored value could not be read back.</summary>
    Corruption,

    /// <summary>The backend could not be reached or failed; nothing was changed.</summary>
    BackendUnavailable,
}
