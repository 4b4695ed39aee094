using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Rules;

/// <summary>
/// The action table of the protocol (sections 5 and 7) as one pure function: no clock, no
/// storage, no I/O. Every backend runs it inside its own atomic read-modify-write of one entry.
/// </summary>
public static class EntryRules
{
    /// <summary>Decides what <paramref name="command"/> does to the entry it names.</summary>
    /// <param name="command">The validated request.</param>
    /// <param name="stored">The stored entry, expired or not, or null when there is none.</param>
    /// <param name="now">The current time on the backend's clock.</param>
    /// <param name="overloaded">True while the server is over its memory threshold.</param>
    public static EntryDecision Decide(EntryCommand command, EntryView? stored, TimeSpan now, bool overloaded)
    {
        ArgumentNullException.ThrowIfNull(command);

        // An expired entry is treated exactly as if it were absent, by every action (section 5).
        var expired = stored is { } view && view.ExpiresAt <= now;
        var current = expired ? null : stored;
        if (current is null)
        {
            return WhenAbsent(command, now, overloaded) with { PurgeExpired = expired };
        }

        if (!IsOwner(current.Value, command))
        {
            return Answer(ActionOutcome.NotOwner);
        }

        return WhenOwner(command, current.Value, now, overloaded);
    }

    /// <summary>
    /// True when the requester owns the entry: the same owner id and the same authentication —
    /// both anonymous, or both the same identity with the same secret.
    /// </summary>
    public static bool IsOwner(EntryView entry, EntryCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!entry.Owner.Span.SequenceEqual(command.Owner.Utf8))
        {
            return false;
        }

        return entry.Identity is null ? command.Identity is null : entry.Identity.Matches(command.Identity);
    }

    private static EntryDecision WhenAbsent(EntryCommand command, TimeSpan now, bool overloaded) =>
        command.Action switch
        {
            DlmAction.Lock when overloaded => Answer(ActionOutcome.Overloaded),
            DlmAction.Lock => Create(ActionOutcome.Locked, now + command.Ttl, value: null),
            DlmAction.Unlock => Answer(ActionOutcome.UnlockedNotFound),
            DlmAction.TestLock => Answer(ActionOutcome.TestUnlocked),
            DlmAction.Get => Answer(ActionOutcome.GetNotFound),
            DlmAction.Put when overloaded => Answer(ActionOutcome.Overloaded),
            DlmAction.Put => Create(ActionOutcome.PutNew, now + command.Ttl, command.Value),
            DlmAction.Erase => Answer(ActionOutcome.EraseNotFound),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Action, "not an entry action"),
        };

    private static EntryDecision WhenOwner(EntryCommand command, EntryView entry, TimeSpan now, bool overloaded) =>
        command.Action switch
        {
            // Renewing a held lock adds nothing to memory, so it is allowed even when overloaded:
            // refusing it would only make the holder lose a lock it already has.
            DlmAction.Lock => new(ActionOutcome.Relocked, EntryChange.Extend, now + command.Ttl, null, false),
            DlmAction.Unlock => new(ActionOutcome.Unlocked, EntryChange.Delete, default, null, false),
            DlmAction.TestLock => Answer(ActionOutcome.TestLocked),
            DlmAction.Get => Answer(entry.HasValue ? ActionOutcome.GotValue : ActionOutcome.GotNoData),
            DlmAction.Put when overloaded => Answer(ActionOutcome.Overloaded),
            DlmAction.Put => new(ActionOutcome.PutUpdated, EntryChange.ReplaceValue, now + command.Ttl,
                command.Value, false),

            // The original lets anyone erase a lock-only entry; only its owner may (section 9).
            DlmAction.Erase => new(ActionOutcome.Erased, EntryChange.Delete, default, null, false),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Action, "not an entry action"),
        };

    private static EntryDecision Create(ActionOutcome outcome, TimeSpan expiresAt, EntryValue? value) =>
        new(outcome, EntryChange.Create, expiresAt, value, false);

    private static EntryDecision Answer(ActionOutcome outcome) => new(outcome, EntryChange.None, default, null, false);
}
