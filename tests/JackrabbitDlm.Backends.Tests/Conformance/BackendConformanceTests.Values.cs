using System.Text;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using static JackrabbitDlm.Backends.Tests.Conformance.Commands;

namespace JackrabbitDlm.Backends.Tests.Conformance;

/// <summary>The rows of <c>Get</c>, <c>Put</c> and <c>Erase</c>, and values of any size.</summary>
public abstract partial class BackendConformanceTests
{
    // ---- Get -------------------------------------------------------------------------------

    [Fact]
    public async Task Get_EntryAbsent_ReturnsNotFound() =>
        await ExpectAsync(ActionOutcome.GetNotFound, Get(Key, Alice));

    [Fact]
    public async Task Get_ByOwnerOfValue_ReturnsValueBytes()
    {
        const string text = "ünïcödé value 🔒";
        await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, text));

        var get = await ExpectAsync(ActionOutcome.GotValue, Get(Key, Alice));

        Assert.Equal(Encoding.UTF8.GetBytes(text), get.Value);
    }

    [Fact]
    public async Task Get_ByOwnerOfLock_ReturnsNoData()
    {
        await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice));

        var get = await ExpectAsync(ActionOutcome.GotNoData, Get(Key, Alice));

        Assert.Null(get.Value);
    }

    [Fact]
    public async Task Get_ByOther_ReturnsNotOwnerWithoutValue()
    {
        await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, "secret"));

        var get = await ExpectAsync(ActionOutcome.NotOwner, Get(Key, Bob));

        Assert.Null(get.Value);
    }

    // ---- Put -------------------------------------------------------------------------------

    [Fact]
    public async Task Put_EntryAbsent_CreatesValueEntry()
    {
        var put = await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, "new"));

        Assert.True(put.Token > 0);
        Assert.Equal(new EntryCounts(0, 1), Backend.CountEntries());
        var get = await ExpectAsync(ActionOutcome.GotValue, Get(Key, Alice));
        Assert.Equal("new", Encoding.UTF8.GetString(get.Value!));
    }

    [Fact]
    public async Task Put_ByOwner_ReplacesValueAndSetsExpiry()
    {
        await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, "first", LongTtl));

        await ExpectAsync(ActionOutcome.PutUpdated, Put(Key, Alice, "second", ShortTtl));

        var get = await ExpectAsync(ActionOutcome.GotValue, Get(Key, Alice));
        Assert.Equal("second", Encoding.UTF8.GetString(get.Value!));

        // The new TTL replaced the long one.
        await PassFractionAsync(1.2);
        await ExpectAsync(ActionOutcome.GetNotFound, Get(Key, Alice));
    }

    [Fact]
    public async Task Put_OnOwnLock_KeepsTokenAndBecomesValue()
    {
        var held = await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice));

        var put = await ExpectAsync(ActionOutcome.PutUpdated, Put(Key, Alice, "state"));

        Assert.Equal(held.Token, put.Token);
        Assert.Equal(new EntryCounts(0, 1), Backend.CountEntries());
        var relock = await ExpectAsync(ActionOutcome.Relocked, Lock(Key, Alice));
        Assert.Equal(held.Token, relock.Token);
    }

    [Fact]
    public async Task Put_ByOther_ReturnsNotOwnerAndKeepsValue()
    {
        await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, "mine"));

        await ExpectAsync(ActionOutcome.NotOwner, Put(Key, Bob, "theirs"));

        var get = await ExpectAsync(ActionOutcome.GotValue, Get(Key, Alice));
        Assert.Equal("mine", Encoding.UTF8.GetString(get.Value!));
    }

    [Fact]
    public async Task Put_Overloaded_RefusesNewAndUpdate()
    {
        await ExpectAsync(ActionOutcome.Overloaded, Put("other", Alice, "x"), overloaded: true);
        await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, "before"));

        await ExpectAsync(ActionOutcome.Overloaded, Put(Key, Alice, "after"), overloaded: true);

        await ExpectAsync(ActionOutcome.GetNotFound, Get("other", Alice));
        var get = await ExpectAsync(ActionOutcome.GotValue, Get(Key, Alice));
        Assert.Equal("before", Encoding.UTF8.GetString(get.Value!));
    }

    [Fact]
    public async Task Put_EmptyValue_StoresEmptyValueNotNoData()
    {
        await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, string.Empty));

        var get = await ExpectAsync(ActionOutcome.GotValue, Get(Key, Alice));

        Assert.Empty(get.Value!);
        Assert.Equal(new EntryCounts(0, 1), Backend.CountEntries());
    }

    [Fact]
    public async Task Put_OneMebibyteValue_ReadsBackExactly()
    {
        var value = LargeValue(1 << 20);
        await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, value));

        var get = await ExpectAsync(ActionOutcome.GotValue, Get(Key, Alice));

        Assert.Equal(value.Utf8, get.Value);
        await ExpectAsync(ActionOutcome.Relocked, Lock(Key, Alice));
        var again = await ExpectAsync(ActionOutcome.GotValue, Get(Key, Alice));
        Assert.Equal(value.Utf8, again.Value);
    }

    // ---- Erase -----------------------------------------------------------------------------

    [Fact]
    public async Task Erase_EntryAbsent_ReturnsNotFound() =>
        await ExpectAsync(ActionOutcome.EraseNotFound, Erase(Key, Alice));

    [Fact]
    public async Task Erase_ByOwner_RemovesEntry()
    {
        await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, "v"));

        await ExpectAsync(ActionOutcome.Erased, Erase(Key, Alice));

        await ExpectAsync(ActionOutcome.GetNotFound, Get(Key, Alice));
        Assert.Equal(new EntryCounts(0, 0), Backend.CountEntries());
    }

    [Fact]
    public async Task Erase_LockByOther_ReturnsNotOwnerAndKeepsLock()
    {
        // The original lets anyone erase a lock-only entry (section 9); ours refuses.
        await ExpectAsync(ActionOutcome.Locked, Lock(Key, Alice));

        await ExpectAsync(ActionOutcome.NotOwner, Erase(Key, Bob));

        await ExpectAsync(ActionOutcome.TestLocked, TestLock(Key, Alice));
    }

    [Fact]
    public async Task Erase_ValueByOther_ReturnsNotOwnerAndKeepsValue()
    {
        await ExpectAsync(ActionOutcome.PutNew, Put(Key, Alice, "v"));

        await ExpectAsync(ActionOutcome.NotOwner, Erase(Key, Bob));

        await ExpectAsync(ActionOutcome.GotValue, Get(Key, Alice));
    }
}
