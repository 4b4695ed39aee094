using System.Diagnostics;
using System.Text;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Protocol.Wire;
using Xunit.Abstractions;
using static JackrabbitDlm.Backends.Tests.Conformance.Commands;

namespace JackrabbitDlm.Backends.Tests.Conformance;

/// <summary>
/// Every rule of the action table (PROTOCOL.md sections 5, 7 and the fixes of section 9) that a
/// backend must keep, written once and run against every backend by a small derived class.
/// </summary>
public abstract class BackendConformanceTests : IAsyncLifetime
{
    protected const string Key = "job";
    protected const string Alice = "alice-owner-id";
    protected const string Bob = "bob-owner-id";

    private readonly List<IEntryBackend> _opened = [];

    protected BackendConformanceTests(ITestOutputHelper output) => Output = output;

    protected ITestOutputHelper Output { get; }

    /// <summary>The backend under test, opened before each test.</summary>
    protected IEntryBackend Backend { get; private set; } = null!;

    /// <summary>
    /// The TTL of expiry tests. Tests make time pass in fractions of it (0.6 and 1.2), so a
    /// backend on real time needs one long enough to outlast a slow round trip.
    /// </summary>
    protected virtual TimeSpan ShortTtl => TimeSpan.FromSeconds(10);

    public async Task InitializeAsync() => Backend = await OpenAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var backend in _opened)
        {
            await backend.DisposeAsync();
        }
    }

    /// <summary>Opens an instance of the backend on this test's store (file, directory, key prefix).</summary>
    protected abstract Task<IEntryBackend> OpenBackendAsync();

    /// <summary>Lets <paramref name="duration"/> pass on the backend's clock.</summary>
    protected abstract Task PassTimeAsync(TimeSpan duration);

    /// <summary>Opens another instance on the same store; it is disposed after the test.</summary>
    protected async Task<IEntryBackend> OpenAsync()
    {
        var backend = await OpenBackendAsync();
        _opened.Add(backend);
        return backend;
    }

    /// <summary>Disposes an instance early, e.g. to reopen the store as a restarted server would.</summary>
    protected async Task CloseAsync(IEntryBackend backend)
    {
        _opened.Remove(backend);
        await backend.DisposeAsync();
    }

    protected Task<ActionResult> RunAsync(EntryCommand command, bool overloaded = false) =>
        RunAsync(Backend, command, overloaded);

    protected static async Task<ActionResult> RunAsync(
        IEntryBackend backend, EntryCommand command, bool overloaded = false) =>
        await backend.ExecuteAsync(command, overloaded, CancellationToken.None);

    protected async Task<ActionResult> ExpectAsync(ActionOutcome expected, EntryCommand command, bool overloaded = false)
    {
        var result = await RunAsync(command, overloaded);
        Assert.Equal(expected, result.Outcome);
        return result;
    }

    private Task PassFractionAsync(double fraction) => PassTimeAsync(ShortTtl * fraction);

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
    public async Task Action_SameOwnerIdentityMismatch_ReturnsNotOwner(DlmAction action, string mismatch)
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

        await ExpectAsync(ActionOutcome.NotOwner, For(action, Key, Alice, identity: Identity("alice", "s")));

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

    // ---- Tokens, keys and counts -----------------------------------------------------------

    [Fact]
    public async Task Lock_NewGrants_TokensStrictlyIncrease()
    {
        var last = 0L;
        for (var i = 0; i < 5; i++)
        {
            var locked = await ExpectAsync(ActionOutcome.Locked, Lock($"key-{i}", Alice));
            Assert.True(locked.Token > last);
            last = locked.Token;

            var put = await ExpectAsync(ActionOutcome.PutNew, Put($"value-{i}", Alice, "v"));
            Assert.True(put.Token > last);
            last = put.Token;
        }

        await ExpectAsync(ActionOutcome.Unlocked, Unlock("key-0", Alice));
        var regranted = await ExpectAsync(ActionOutcome.Locked, Lock("key-0", Bob));
        Assert.True(regranted.Token > last);
    }

    public static TheoryData<string> UnusualKeys() =>
    [
        string.Empty,
        "a/b",
        "../../outside",
        "C:\\windows\\con",
        "ключ",
        "🔒 lock",
        "nul\0inside",
        "e:job",
        new string('k', 10_000),
    ];

    [Theory]
    [MemberData(nameof(UnusualKeys))]
    public async Task Lock_UnusualKey_IsItsOwnEntry(string key)
    {
        await ExpectAsync(ActionOutcome.Locked, Lock(Key, Bob));

        await ExpectAsync(ActionOutcome.Locked, Lock(key, Alice));
        await ExpectAsync(ActionOutcome.PutUpdated, Put(key, Alice, "value of " + key));

        await ExpectAsync(ActionOutcome.NotOwner, Lock(key, Bob));
        var get = await ExpectAsync(ActionOutcome.GotValue, Get(key, Alice));
        Assert.Equal("value of " + key, Encoding.UTF8.GetString(get.Value!));
        await ExpectAsync(ActionOutcome.TestLocked, TestLock(Key, Bob));
        Assert.Equal(new EntryCounts(1, 1), Backend.CountEntries());
    }

    [Fact]
    public async Task CountEntries_LocksAndValues_CountedApart()
    {
        for (var i = 0; i < 3; i++)
        {
            await ExpectAsync(ActionOutcome.Locked, Lock($"lock-{i}", Alice));
        }

        for (var i = 0; i < 2; i++)
        {
            await ExpectAsync(ActionOutcome.PutNew, Put($"value-{i}", Alice, "v"));
        }

        Assert.Equal(new EntryCounts(3, 2), Backend.CountEntries());
        await ExpectAsync(ActionOutcome.Unlocked, Unlock("lock-0", Alice));
        await ExpectAsync(ActionOutcome.Erased, Erase("value-0", Alice));
        Assert.Equal(new EntryCounts(2, 1), Backend.CountEntries());
    }

    // ---- Concurrency -----------------------------------------------------------------------

    [Fact]
    public async Task Lock_ManyTasksFightOverOneKey_NeverTwoHolders()
    {
        var fight = await FightAsync([Backend], fighters: 8, roundsEach: 25);

        Assert.Equal(0, fight.Violations);
        Assert.True(fight.Grants > 0);
    }

    [Fact]
    public async Task Execute_MixedLoad_EveryActionAnswersAsExpected()
    {
        const int workers = 4;
        const int rounds = 50;
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var owner = $"worker-{worker}";
            for (var round = 0; round < rounds; round++)
            {
                var key = $"load-{worker}-{round}";
                await ExpectAsync(ActionOutcome.Locked, Lock(key, owner));
                await ExpectAsync(ActionOutcome.PutUpdated, Put(key, owner, "payload"));
                await ExpectAsync(ActionOutcome.GotValue, Get(key, owner));
                await ExpectAsync(ActionOutcome.Unlocked, Unlock(key, owner));
            }
        })));

        var actions = workers * rounds * 4;
        Output.WriteLine(
            $"{GetType().Name}: {actions} actions by {workers} tasks in {clock.Elapsed.TotalSeconds:F2} s, " +
            $"about {actions / clock.Elapsed.TotalSeconds:F0} actions/s");
        Assert.Equal(new EntryCounts(0, 0), Backend.CountEntries());
    }

    /// <summary>
    /// Fighters take turns over one key through the given instances: lock, count themselves in as
    /// holder, check they are alone and that the token grew, count out, unlock.
    /// </summary>
    protected static async Task<FightResult> FightAsync(IReadOnlyList<IEntryBackend> instances, int fighters, int roundsEach)
    {
        var holders = 0;
        var violations = 0;
        var grants = 0;
        var lastToken = 0L;

        await Task.WhenAll(Enumerable.Range(0, fighters).Select(fighter => Task.Run(async () =>
        {
            var owner = $"fighter-{fighter}";
            var backend = instances[fighter % instances.Count];
            for (var round = 0; round < roundsEach; round++)
            {
                var result = await RunAsync(backend, Lock("contested", owner));
                if (result.Outcome != ActionOutcome.Locked)
                {
                    Assert.Equal(ActionOutcome.NotOwner, result.Outcome);
                    await Task.Yield();
                    continue;
                }

                if (Interlocked.Increment(ref holders) != 1)
                {
                    Interlocked.Increment(ref violations);
                }

                // Only the sole holder touches lastToken, so reading it here is safe when the
                // backend is correct; a second holder shows up in violations anyway.
                if (result.Token <= Volatile.Read(ref lastToken))
                {
                    Interlocked.Increment(ref violations);
                }

                Volatile.Write(ref lastToken, result.Token);
                Interlocked.Increment(ref grants);
                await Task.Yield();
                Interlocked.Decrement(ref holders);
                Assert.Equal(ActionOutcome.Unlocked, (await RunAsync(backend, Unlock("contested", owner))).Outcome);
            }
        })));

        return new FightResult(grants, violations);
    }

    private static IEnumerable<DlmAction> EntryActions =>
        [DlmAction.Lock, DlmAction.Unlock, DlmAction.TestLock, DlmAction.Get, DlmAction.Put, DlmAction.Erase];

    /// <summary>A value of exactly <paramref name="bytes"/> UTF-8 bytes, mixing one- to four-byte characters.</summary>
    protected static Engine.Entries.EntryValue LargeValue(int bytes)
    {
        var text = new StringBuilder();
        var pieces = new[] { "abc", "é", "€", "🔒" };
        var size = 0;
        for (var i = 0; size < bytes; i++)
        {
            var piece = pieces[i % pieces.Length];
            var pieceBytes = Encoding.UTF8.GetByteCount(piece);
            if (size + pieceBytes > bytes)
            {
                piece = new string('x', bytes - size);
                pieceBytes = piece.Length;
            }

            text.Append(piece);
            size += pieceBytes;
        }

        return Value(text.ToString());
    }

    /// <summary>What a fight saw.</summary>
    /// <param name="Grants">How many times a fighter got the lock.</param>
    /// <param name="Violations">Grants while another fighter held it, or whose token did not grow.</param>
    protected readonly record struct FightResult(int Grants, int Violations);
}
