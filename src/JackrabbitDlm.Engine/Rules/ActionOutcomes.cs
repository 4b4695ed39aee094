using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Rules;

/// <summary>The status word of each outcome and whether the reply carries the owner id.</summary>
public static class ActionOutcomes
{
    /// <summary>The status word the outcome is answered with.</summary>
    public static DlmStatus ToStatus(this ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Locked or ActionOutcome.Relocked or ActionOutcome.TestLocked => DlmStatus.Locked,
        ActionOutcome.Unlocked or ActionOutcome.UnlockedNotFound or ActionOutcome.TestUnlocked => DlmStatus.Unlocked,
        ActionOutcome.GotValue or ActionOutcome.PutNew or ActionOutcome.PutUpdated or ActionOutcome.Erased =>
            DlmStatus.Done,
        ActionOutcome.GotNoData => DlmStatus.NoData,
        ActionOutcome.GetNotFound or ActionOutcome.EraseNotFound => DlmStatus.NotFound,
        ActionOutcome.NotOwner => DlmStatus.NotOwner,
        ActionOutcome.Corruption => DlmStatus.Corruption,

        // A backend that is down refuses like an overloaded server: nothing changed, try again.
        ActionOutcome.Overloaded or ActionOutcome.BackendUnavailable => DlmStatus.NO,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not an action outcome"),
    };

    /// <summary>
    /// True when the reply carries <c>ID</c>: the requester acted as the owner of an existing or
    /// new entry. Refusals and answers about absent entries carry no ID (section 7).
    /// </summary>
    public static bool RepliesWithOwner(this ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Locked or ActionOutcome.Relocked or ActionOutcome.Unlocked or ActionOutcome.TestLocked
            or ActionOutcome.GotValue or ActionOutcome.GotNoData or ActionOutcome.PutNew
            or ActionOutcome.PutUpdated or ActionOutcome.Erased => true,
        _ => false,
    };

    /// <summary>True when the reply carries the entry's fencing token (every <c>Locked</c> answer).</summary>
    public static bool RepliesWithToken(this ActionOutcome outcome) => outcome.ToStatus() == DlmStatus.Locked;
}
