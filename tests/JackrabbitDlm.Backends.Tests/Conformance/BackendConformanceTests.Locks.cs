using System.Text;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using static JackrabbitDlm.Backends.Tests.Conformance.Commands;

namespace JackrabbitDlm.Backends.Tests.Conformance;

/// <summary>The rows of <c>Lock</c>, <c>Unlock</c> and <c>TestLock</c>.</summary>
public abstract partial class BackendConformanceTests
{
    // ---- Lock ----------------------------------------------------------------------------

    [Fact]
    public async Task Lock_EntryAbsent_GrantsWithNewToken()
    {
        var result = await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice));

        Assert.True(result.Token > 0);
        Assert.Equal(new EntryCounts(1, 0), Backend.CountEntries());
    }

    [Fact]
    public async Task Lock_ByOwner_RelocksWithSameToken()
    {
        var first = await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice));

        var second = await ExpectAsync(ActionOutcome.Relocked, Lock(Key, Alice));

        Assert.Equal(first.Token, second.Token);
        Assert.Equal(new EntryCounts(1, 0), Backend.CountEntries());
    }

    [Fact]
    public async Task Lock_ByOwner_ExtendsExpiryFromNow()
    {
        await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice, ShortTtl));
        await PassFractionAsync(0.6);
        await ExpectAsync(ActionOutcome.Relocked, Lock(Key, Alice, ShortTtl));

        // Past the first expiry, within the renewed one.
        await PassFractionAsync(0.6);

        await ExpectAsync(ActionOutcome.NotOwner, Lock(Key, Bob));
        await ExpectAsync(ActionOutcome.TestLocked, TestLock(Key, Alice));
    }

    [Fact]
    public async Task Lock_ByOwnerOfValue_KeepsValue()
    {
        var put = await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, "kept"));

        var relock = await ExpectAsync(ActionOutcome.Relocked, Lock(Key, Alice));

        Assert.Equal(put.Token, relock.Token);
        var get = await ExpectAsync(ActionOutcome.GotValue, Get(Key, Alice));
        Assert.Equal("kept", Encoding.UTF8.GetString(get.Value!));
    }

    [Fact]
    public async Task Lock_HeldByOther_ReturnsNotOwnerAndKeepsHolder()
    {
        var held = await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice));

        await ExpectAsync(ActionOutcome.NotOwner, Lock(Key, Bob));

        var test = await ExpectAsync(ActionOutcome.TestLocked, TestLock(Key, Alice));
        Assert.Equal(held.Token, test.Token);
    }

    [Fact]
    public async Task Lock_OverloadedAndAbsent_RefusesAndChangesNothing()
    {
        await ExpectAsync(ActionOutcome.Overloaded, Lock(Key, Alice), overloaded: true);

        await ExpectAsync(ActionOutcome.TestUnlocked, TestLock(Key, Alice));
        Assert.Equal(new EntryCounts(0, 0), Backend.CountEntries());
    }

    [Fact]
    public async Task Lock_OverloadedByOwner_Relocks()
    {
        var held = await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice));

        var renewed = await ExpectAsync(ActionOutcome.Relocked, Lock(Key, Alice), overloaded: true);

        Assert.Equal(held.Token, renewed.Token);
    }

    // ---- Unlock ----------------------------------------------------------------------------

    [Fact]
    public async Task Unlock_EntryAbsent_ReturnsUnlockedNotFound() =>
        await ExpectAsync(ActionOutcome.UnlockedNotFound, Unlock(Key, Alice));

    [Fact]
    public async Task Unlock_ByOwner_RemovesEntryAndValue()
    {
        await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, "gone"));

        await ExpectAsync(ActionOutcome.Unlocked, Unlock(Key, Alice));

        await ExpectAsync(ActionOutcome.GetNotFound, Get(Key, Alice));
        Assert.Equal(new EntryCounts(0, 0), Backend.CountEntries());
    }

    [Fact]
    public async Task Unlock_ByOther_ReturnsNotOwnerAndKeepsEntry()
    {
        await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice));

        await ExpectAsync(ActionOutcome.NotOwner, Unlock(Key, Bob));

        await ExpectAsync(ActionOutcome.TestLocked, TestLock(Key, Alice));
    }

    // ---- TestLock --------------------------------------------------------------------------

    [Fact]
    public async Task TestLock_EntryAbsent_ReturnsTestUnlocked()
    {
        await ExpectAsync(ActionOutcome.TestUnlocked, TestLock(Key, Alice));

        Assert.Equal(new EntryCounts(0, 0), Backend.CountEntries());
    }

    [Fact]
    public async Task TestLock_ByOwner_ReturnsTokenAndDoesNotExtend()
    {
        var held = await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice, ShortTtl));
        await PassFractionAsync(0.6);

        var test = await ExpectAsync(ActionOutcome.TestLocked, TestLock(Key, Alice));
        await PassFractionAsync(0.6);

        Assert.Equal(held.Token, test.Token);
        await ExpectAsync(ActionOutcome.Locked, Lock(Key, Bob));
    }

    [Fact]
    public async Task TestLock_ByOther_ReturnsNotOwner()
    {
        await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice));

        await ExpectAsync(ActionOutcome.NotOwner, TestLock(Key, Bob));
    }
}
