using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Tests.Infrastructure;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Tests.Rules;

/// <summary>The action table of section 7, row by row.</summary>
public sealed class EntryRulesTests
{
    public enum Stored
    {
        Absent,
        Expired,
        OwnLock,
        OwnValue,
        OthersLock,
        OthersValue,
    }

    private static readonly TimeSpan Now = TimeSpan.FromHours(5);
    private static readonly IdentityStamp OpsIdentity = IdentityStamp.ForSecret("ops", "secret-1"u8);

    public static TheoryData<DlmAction, Stored, ActionOutcome, EntryChange> ActionTable => new()
    {
        { DlmAction.Lock, Stored.Absent, ActionOutcome.Locked, EntryChange.Create },
        { DlmAction.Lock, Stored.Expired, ActionOutcome.Locked, EntryChange.Create },
        { DlmAction.Lock, Stored.OwnLock, ActionOutcome.Relocked, EntryChange.Extend },
        { DlmAction.Lock, Stored.OwnValue, ActionOutcome.Relocked, EntryChange.Extend },
        { DlmAction.Lock, Stored.OthersLock, ActionOutcome.NotOwner, EntryChange.None },
        { DlmAction.Lock, Stored.OthersValue, ActionOutcome.NotOwner, EntryChange.None },

        { DlmAction.Unlock, Stored.Absent, ActionOutcome.UnlockedNotFound, EntryChange.None },
        { DlmAction.Unlock, Stored.Expired, ActionOutcome.UnlockedNotFound, EntryChange.None },
        { DlmAction.Unlock, Stored.OwnLock, ActionOutcome.Unlocked, EntryChange.Delete },
        { DlmAction.Unlock, Stored.OwnValue, ActionOutcome.Unlocked, EntryChange.Delete },
        { DlmAction.Unlock, Stored.OthersLock, ActionOutcome.NotOwner, EntryChange.None },
        { DlmAction.Unlock, Stored.OthersValue, ActionOutcome.NotOwner, EntryChange.None },

        { DlmAction.TestLock, Stored.Absent, ActionOutcome.TestUnlocked, EntryChange.None },
        { DlmAction.TestLock, Stored.Expired, ActionOutcome.TestUnlocked, EntryChange.None },
        { DlmAction.TestLock, Stored.OwnLock, ActionOutcome.TestLocked, EntryChange.None },
        { DlmAction.TestLock, Stored.OwnValue, ActionOutcome.TestLocked, EntryChange.None },
        { DlmAction.TestLock, Stored.OthersLock, ActionOutcome.NotOwner, EntryChange.None },
        { DlmAction.TestLock, Stored.OthersValue, ActionOutcome.NotOwner, EntryChange.None },

        { DlmAction.Get, Stored.Absent, ActionOutcome.GetNotFound, EntryChange.None },
        { DlmAction.Get, Stored.Expired, ActionOutcome.GetNotFound, EntryChange.None },
        { DlmAction.Get, Stored.OwnLock, ActionOutcome.GotNoData, EntryChange.None },
        { DlmAction.Get, Stored.OwnValue, ActionOutcome.GotValue, EntryChange.None },
        { DlmAction.Get, Stored.OthersLock, ActionOutcome.NotOwner, EntryChange.None },
        { DlmAction.Get, Stored.OthersValue, ActionOutcome.NotOwner, EntryChange.None },

        { DlmAction.Put, Stored.Absent, ActionOutcome.PutNew, EntryChange.Create },
        { DlmAction.Put, Stored.Expired, ActionOutcome.PutNew, EntryChange.Create },
        { DlmAction.Put, Stored.OwnLock, ActionOutcome.PutUpdated, EntryChange.ReplaceValue },
        { DlmAction.Put, Stored.OwnValue, ActionOutcome.PutUpdated, EntryChange.ReplaceValue },
        { DlmAction.Put, Stored.OthersLock, ActionOutcome.NotOwner, EntryChange.None },
        { DlmAction.Put, Stored.OthersValue, ActionOutcome.NotOwner, EntryChange.None },

        { DlmAction.Erase, Stored.Absent, ActionOutcome.EraseNotFound, EntryChange.None },
        { DlmAction.Erase, Stored.Expired, ActionOutcome.EraseNotFound, EntryChange.None },
        { DlmAction.Erase, Stored.OwnLock, ActionOutcome.Erased, EntryChange.Delete },
        { DlmAction.Erase, Stored.OwnValue, ActionOutcome.Erased, EntryChange.Delete },

        // The original lets anyone erase a lock-only entry and answers Corruption (section 9).
        { DlmAction.Erase, Stored.OthersLock, ActionOutcome.NotOwner, EntryChange.None },
        { DlmAction.Erase, Stored.OthersValue, ActionOutcome.NotOwner, EntryChange.None },
    };

    public static TheoryData<DlmAction> EntryActions => new()
    {
        DlmAction.Lock, DlmAction.Unlock, DlmAction.TestLock,
        DlmAction.Get, DlmAction.Put, DlmAction.Erase,
    };

    [Theory]
    [MemberData(nameof(ActionTable))]
    public void Decide_ActionTableRow_GivesOutcomeAndChange(
        DlmAction action,
        Stored stored,
        ActionOutcome outcome,
        EntryChange change)
    {
        var command = Commands.Make(action, Commands.OwnerA, ttlSeconds: 30);

        var decision = EntryRules.Decide(command, View(stored), Now, overloaded: false);

        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(change, decision.Change);
        Assert.Equal(stored == Stored.Expired, decision.PurgeExpired);
    }

    [Theory]
    [MemberData(nameof(ActionTable))]
    public void Decide_ActionTableRow_NewExpiryIsNowPlusTtl(
        DlmAction action,
        Stored stored,
        ActionOutcome outcome,
        EntryChange change)
    {
        var command = Commands.Make(action, Commands.OwnerA, ttlSeconds: 42.5);

        var decision = EntryRules.Decide(command, View(stored), Now, overloaded: false);

        var setsExpiry = change is EntryChange.Create or EntryChange.Extend or EntryChange.ReplaceValue;
        Assert.Equal(setsExpiry ? Now + TimeSpan.FromSeconds(42.5) : default, decision.ExpiresAt);
        Assert.Equal(outcome, decision.Outcome);
    }

    [Theory]
    [InlineData(Stored.Absent)]
    [InlineData(Stored.Expired)]
    [InlineData(Stored.OwnLock)]
    [InlineData(Stored.OwnValue)]
    public void Decide_Put_CarriesTheCommandsValue(Stored stored)
    {
        var command = Commands.Make(DlmAction.Put, Commands.OwnerA, value: "new value");

        var decision = EntryRules.Decide(command, View(stored), Now, overloaded: false);

        Assert.Same(command.Value, decision.Value);
    }

    [Theory]
    [InlineData(DlmAction.Lock, Stored.Absent)]
    [InlineData(DlmAction.Lock, Stored.OwnValue)]
    [InlineData(DlmAction.Unlock, Stored.OwnValue)]
    [InlineData(DlmAction.Erase, Stored.OwnValue)]
    public void Decide_ActionsOtherThanPut_CarryNoValue(DlmAction action, Stored stored)
    {
        var command = Commands.Make(action, Commands.OwnerA);

        var decision = EntryRules.Decide(command, View(stored), Now, overloaded: false);

        Assert.Null(decision.Value);
    }

    [Theory]
    [MemberData(nameof(EntryActions))]
    public void Decide_EntryExpiringExactlyNow_IsTreatedAsAbsent(DlmAction action)
    {
        var stored = Entry(Commands.OwnerB, expiresAt: Now);
        var absent = EntryRules.Decide(Commands.Make(action, Commands.OwnerA), null, Now, false);

        var decision = EntryRules.Decide(Commands.Make(action, Commands.OwnerA), stored, Now, false);

        Assert.Equal(absent.Outcome, decision.Outcome);
        Assert.Equal(absent.Change, decision.Change);
        Assert.True(decision.PurgeExpired);
    }

    [Theory]
    [MemberData(nameof(EntryActions))]
    public void Decide_EntryExpiringOneTickLater_IsStillHeld(DlmAction action)
    {
        var stored = Entry(Commands.OwnerB, expiresAt: Now + TimeSpan.FromTicks(1));

        var decision = EntryRules.Decide(Commands.Make(action, Commands.OwnerA), stored, Now, false);

        Assert.Equal(ActionOutcome.NotOwner, decision.Outcome);
        Assert.False(decision.PurgeExpired);
    }

    [Theory]
    [MemberData(nameof(EntryActions))]
    public void Decide_SameIdWithoutTheEntrysIdentity_IsNotOwner(DlmAction action)
    {
        var stored = Entry(Commands.OwnerA, identity: OpsIdentity);

        var decision = EntryRules.Decide(Commands.Make(action, Commands.OwnerA), stored, Now, false);

        Assert.Equal(ActionOutcome.NotOwner, decision.Outcome);
        Assert.Equal(EntryChange.None, decision.Change);
    }

    [Theory]
    [InlineData("ops", "secret-2")]
    [InlineData("dev", "secret-1")]
    [InlineData("OPS", "secret-1")]
    public void Decide_SameIdWithAnotherIdentity_IsNotOwner(string name, string secret)
    {
        var stored = Entry(Commands.OwnerA, identity: OpsIdentity);
        var other = IdentityStamp.ForSecret(name, System.Text.Encoding.UTF8.GetBytes(secret));
        var command = Commands.Make(DlmAction.Unlock, Commands.OwnerA, identity: other);

        var decision = EntryRules.Decide(command, stored, Now, false);

        Assert.Equal(ActionOutcome.NotOwner, decision.Outcome);
    }

    [Theory]
    [MemberData(nameof(EntryActions))]
    public void Decide_AnonymousEntryAndRequestWithIdentity_IsNotOwner(DlmAction action)
    {
        var stored = Entry(Commands.OwnerA, identity: null);
        var command = Commands.Make(action, Commands.OwnerA, identity: OpsIdentity);

        var decision = EntryRules.Decide(command, stored, Now, false);

        Assert.Equal(ActionOutcome.NotOwner, decision.Outcome);
    }

    [Fact]
    public void Decide_SameIdAndSameIdentity_IsOwner()
    {
        var stored = Entry(Commands.OwnerA, identity: OpsIdentity);
        var again = IdentityStamp.ForSecret("ops", "secret-1"u8);
        var command = Commands.Make(DlmAction.Unlock, Commands.OwnerA, identity: again);

        var decision = EntryRules.Decide(command, stored, Now, false);

        Assert.Equal(ActionOutcome.Unlocked, decision.Outcome);
    }

    [Fact]
    public void Decide_OtherIdWithTheEntrysIdentity_IsNotOwner()
    {
        var stored = Entry(Commands.OwnerA, identity: OpsIdentity);
        var command = Commands.Make(DlmAction.Unlock, Commands.OwnerB, identity: OpsIdentity);

        Assert.Equal(ActionOutcome.NotOwner, EntryRules.Decide(command, stored, Now, false).Outcome);
    }

    [Theory]
    [InlineData(DlmAction.Lock, Stored.Absent)]
    [InlineData(DlmAction.Lock, Stored.Expired)]
    [InlineData(DlmAction.Put, Stored.Absent)]
    [InlineData(DlmAction.Put, Stored.Expired)]
    [InlineData(DlmAction.Put, Stored.OwnLock)]
    [InlineData(DlmAction.Put, Stored.OwnValue)]
    public void Decide_Overloaded_NewLockAndEveryPutRefused(DlmAction action, Stored stored)
    {
        var command = Commands.Make(action, Commands.OwnerA);

        var decision = EntryRules.Decide(command, View(stored), Now, overloaded: true);

        Assert.Equal(ActionOutcome.Overloaded, decision.Outcome);
        Assert.Equal(EntryChange.None, decision.Change);
    }

    [Theory]
    [InlineData(Stored.OwnLock)]
    [InlineData(Stored.OwnValue)]
    public void Decide_OverloadedOwnerRelocks_Succeeds(Stored stored)
    {
        // Renewing adds no memory; refusing it would only make the holder lose its lock.
        var command = Commands.Make(DlmAction.Lock, Commands.OwnerA);

        var decision = EntryRules.Decide(command, View(stored), Now, overloaded: true);

        Assert.Equal(ActionOutcome.Relocked, decision.Outcome);
        Assert.Equal(EntryChange.Extend, decision.Change);
    }

    [Theory]
    [InlineData(DlmAction.Unlock, Stored.OwnLock, ActionOutcome.Unlocked)]
    [InlineData(DlmAction.TestLock, Stored.OwnLock, ActionOutcome.TestLocked)]
    [InlineData(DlmAction.Get, Stored.OwnValue, ActionOutcome.GotValue)]
    [InlineData(DlmAction.Erase, Stored.OwnValue, ActionOutcome.Erased)]
    [InlineData(DlmAction.Get, Stored.Absent, ActionOutcome.GetNotFound)]
    [InlineData(DlmAction.Lock, Stored.OthersLock, ActionOutcome.NotOwner)]
    [InlineData(DlmAction.Put, Stored.OthersValue, ActionOutcome.NotOwner)]
    public void Decide_Overloaded_OtherActionsUnaffected(
        DlmAction action,
        Stored stored,
        ActionOutcome outcome)
    {
        var command = Commands.Make(action, Commands.OwnerA);

        var decision = EntryRules.Decide(command, View(stored), Now, overloaded: true);

        Assert.Equal(outcome, decision.Outcome);
    }

    [Fact]
    public void Decide_Version_IsNotAnEntryAction()
    {
        var command = Commands.Make(DlmAction.Version, Commands.OwnerA);

        Assert.Throws<ArgumentOutOfRangeException>(() => EntryRules.Decide(command, null, Now, false));
    }

    private static EntryView? View(Stored stored) => stored switch
    {
        Stored.Absent => null,
        Stored.Expired => Entry(Commands.OwnerA, expiresAt: Now - TimeSpan.FromSeconds(1)),
        Stored.OwnLock => Entry(Commands.OwnerA),
        Stored.OwnValue => Entry(Commands.OwnerA, hasValue: true),
        Stored.OthersLock => Entry(Commands.OwnerB),
        Stored.OthersValue => Entry(Commands.OwnerB, hasValue: true),
        _ => throw new ArgumentOutOfRangeException(nameof(stored)),
    };

    private static EntryView Entry(
        OwnerId owner,
        bool hasValue = false,
        TimeSpan? expiresAt = null,
        IdentityStamp? identity = null) =>
        new(owner.Utf8Array, identity, hasValue, expiresAt ?? Now + TimeSpan.FromSeconds(10), Token: 7);
}
