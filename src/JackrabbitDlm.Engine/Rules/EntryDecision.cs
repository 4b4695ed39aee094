using JackrabbitDlm.Engine.Entries;

namespace JackrabbitDlm.Engine.Rules;

/// <summary>The rules' answer to one command: the outcome and the change to make.</summary>
/// <param name="Outcome">What to answer.</param>
/// <param name="Change">What to do to the entry.</param>
/// <param name="ExpiresAt">
/// The new expiry for <see cref="EntryChange.Create"/>, <c>Extend</c> and <c>ReplaceValue</c>.
/// </param>
/// <param name="Value">The value to store, for <c>Create</c> by <c>Put</c> and <c>ReplaceValue</c>.</param>
/// <param name="PurgeExpired">True when the stored entry had expired: the backend removes it first.</param>
public readonly record struct EntryDecision(
    ActionOutcome Outcome,
    EntryChange Change,
    TimeSpan ExpiresAt,
    EntryValue? Value,
    bool PurgeExpired);
