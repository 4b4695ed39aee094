using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Protocol.Wire;
using static JackrabbitDlm.Backends.Tests.Conformance.Commands;

namespace JackrabbitDlm.Backends.Tests.Conformance;

/// <summary>Who counts as owner (identity matching), and expired entries treated as absent.</summary>
public abstract partial class BackendConformanceTests
{
    // ---- Identity --------------------------------------------------------------------------

    public static TheoryData<DlmAction, string> IdentityMismatches()
    {
        var data = new TheoryData<DlmAction, string>();
        foreach (var action in EntryActions)
        {
            foreach (var mismatch in new[] { "anonymous", "other-secret", "other-name" })
            {
                data.Add(action, mismatch);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IdentityMismatches))]
    public async Task Action_SameOwnerIdentityMismatch_ReturnsNotOwner(
        DlmAction action, string mismatch)
    {
        var identity = Identity("alice", "the-secret");
        await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, "v", identity: identity));
        var requester = mismatch switch
        {
            "anonymous" => null,
            "other-secret" => Identity("alice", "another-secret"),
            _ => Identity("mallory", "the-secret"),
        };

        await ExpectAsync(ActionOutcome.NotOwner, For(action, Key, Alice, identity: requester));

        await ExpectAsync(ActionOutcome.GotValue, Get(Key, Alice, identity));
    }

    [Theory]
    [MemberData(nameof(ActionData))]
    public async Task Action_IdentityOnAnonymousEntry_ReturnsNotOwner(DlmAction action)
    {
        await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice));

        var requester = Identity("alice", "some-secret");

        await ExpectAsync(ActionOutcome.NotOwner, For(action, Key, Alice, identity: requester));

        await ExpectAsync(ActionOutcome.TestLocked, TestLock(Key, Alice));
    }

    [Fact]
    public async Task Action_SameOwnerSameIdentity_ActsAsOwner()
    {
        var identity = Identity("alice", "the-secret");
        var held = await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice, identity: identity));

        // A fresh stamp of the same name and secret, as the next request would bring.
        var again = Identity("alice", "the-secret");
        var relock = await ExpectAsync(ActionOutcome.Relocked, Lock(Key, Alice, identity: again));
        await ExpectAsync(ActionOutcome.PutUpdated, Put(Key, Alice, "v", identity: again));
        await ExpectAsync(ActionOutcome.GotValue, Get(Key, Alice, again));
        await ExpectAsync(ActionOutcome.Erased, Erase(Key, Alice, again));

        Assert.Equal(held.Token, relock.Token);
    }

    // ---- Expiry ----------------------------------------------------------------------------

    public static TheoryData<DlmAction> ActionData()
    {
        var data = new TheoryData<DlmAction>();
        foreach (var action in EntryActions)
        {
            data.Add(action);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ActionData))]
    public async Task Action_OnExpiredEntry_TreatsEntryAsAbsent(DlmAction action)
    {
        await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, "old", ShortTtl));
        await PassFractionAsync(1.2);

        var expected = action switch
        {
            DlmAction.Lock => ActionOutcome.Locked,
            DlmAction.Unlock => ActionOutcome.UnlockedNotFound,
            DlmAction.TestLock => ActionOutcome.TestUnlocked,
            DlmAction.Get => ActionOutcome.GetNotFound,
            DlmAction.Put => ActionOutcome.PutNew,
            _ => ActionOutcome.EraseNotFound,
        };

        // Someone else, to whom a live entry would answer NotOwner.
        await ExpectAsync(expected, For(action, Key, Bob));
    }

    [Fact]
    public async Task Lock_AfterExpiry_NewOwnerGetsLargerToken()
    {
        var first = await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice, ShortTtl));
        await PassFractionAsync(1.2);

        var second = await ExpectAsync(ActionOutcome.Locked, Lock(Key, Bob));

        Assert.True(second.Token > first.Token);
        await ExpectAsync(ActionOutcome.NotOwner, TestLock(Key, Alice));
    }

    [Fact]
    public async Task Lock_AfterExpiryBySameOwner_IsNewGrantNotRenewal()
    {
        var first = await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice, ShortTtl));
        await PassFractionAsync(1.2);

        var second = await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice));

        Assert.True(second.Token > first.Token);
    }

    [Fact]
    public async Task CountEntries_AfterExpiry_LeavesExpiredOut()
    {
        await ExpectAsync(ActionOutcome.Locked, Lock("short-lock", Alice, ShortTtl));
        await ExpectAsync(ActionOutcome.PutNew, Put("short-value", Alice, "v", ShortTtl));
        await ExpectAsync(ActionOutcome.Locked, Lock("long-lock", Alice));
        await ExpectAsync(ActionOutcome.PutNew, Put("long-value", Alice, "v"));
        Assert.Equal(new EntryCounts(2, 2), Backend.CountEntries());

        await PassFractionAsync(1.2);

        Assert.Equal(new EntryCounts(1, 1), Backend.CountEntries());
    }
}
