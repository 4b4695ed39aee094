using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Tests.Infrastructure;
using JackrabbitDlm.Engine.Tokens;
using JackrabbitDlm.Protocol.Wire;
using static JackrabbitDlm.Engine.Tests.Infrastructure.Commands;

namespace JackrabbitDlm.Engine.Tests.Memory;

public sealed class MemoryBackendTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly CounterSet _counters = new();

    [Fact]
    public async Task Lock_FreeKey_IsGrantedWithAToken()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);

        var result = await backend.RunAsync(DlmAction.Lock, OwnerA);

        Assert.Equal(ActionOutcome.Locked, result.Outcome);
        Assert.True(result.Token > 0);
        Assert.Equal(new(1, 0), backend.CountEntries());
    }

    [Fact]
    public async Task Lock_HeldByOtherOwner_ReturnsNotOwner()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA);

        var result = await backend.RunAsync(DlmAction.Lock, OwnerB);

        Assert.Equal(ActionOutcome.NotOwner, result.Outcome);
        Assert.Equal(ActionOutcome.TestLocked, await backend.OutcomeAsync(DlmAction.TestLock, OwnerA));
    }

    [Fact]
    public async Task Lock_AgainByOwner_RelocksWithTheSameToken()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        var first = await backend.RunAsync(DlmAction.Lock, OwnerA);

        var again = await backend.RunAsync(DlmAction.Lock, OwnerA);

        Assert.Equal(ActionOutcome.Relocked, again.Outcome);
        Assert.Equal(first.Token, again.Token);
        Assert.Equal(first.Token, (await backend.RunAsync(DlmAction.TestLock, OwnerA)).Token);
    }

    [Fact]
    public async Task Unlock_ByOwner_FreesTheKeyForOthers()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA);

        var unlocked = await backend.RunAsync(DlmAction.Unlock, OwnerA);
        var taken = await backend.RunAsync(DlmAction.Lock, OwnerB);

        Assert.Equal(ActionOutcome.Unlocked, unlocked.Outcome);
        Assert.Equal(ActionOutcome.Locked, taken.Outcome);
    }

    [Fact]
    public async Task Unlock_ByOtherOwner_LeavesTheLock()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA);

        Assert.Equal(ActionOutcome.NotOwner, await backend.OutcomeAsync(DlmAction.Unlock, OwnerB));
        Assert.Equal(ActionOutcome.TestLocked, await backend.OutcomeAsync(DlmAction.TestLock, OwnerA));
    }

    [Fact]
    public async Task UnlockAndTestLock_UnknownKey_AnswerUnlockedAndNeverAcquire()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);

        var unlock = await backend.OutcomeAsync(DlmAction.Unlock, OwnerA);
        var testLock = await backend.OutcomeAsync(DlmAction.TestLock, OwnerA);

        Assert.Equal(ActionOutcome.UnlockedNotFound, unlock);
        Assert.Equal(ActionOutcome.TestUnlocked, testLock);
        Assert.Equal(ActionOutcome.Locked, await backend.OutcomeAsync(DlmAction.Lock, OwnerB));
    }

    [Fact]
    public async Task PutThenGet_ByOwner_ReturnsTheValue()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);

        var put = await backend.RunAsync(DlmAction.Put, OwnerA, value: "é😀 value");
        var get = await backend.RunAsync(DlmAction.Get, OwnerA);

        Assert.Equal(ActionOutcome.PutNew, put.Outcome);
        Assert.Equal(ActionOutcome.GotValue, get.Outcome);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes("é😀 value"), get.Value);
        Assert.Equal(new(0, 1), backend.CountEntries());
        Assert.Equal(1, _counters.Get(Counter.PutMemory));
    }

    [Fact]
    public async Task Put_AgainByOwner_ReplacesTheValue()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        var first = await backend.RunAsync(DlmAction.Put, OwnerA, value: "one");

        var second = await backend.RunAsync(DlmAction.Put, OwnerA, value: "two");

        Assert.Equal(ActionOutcome.PutUpdated, second.Outcome);
        Assert.Equal(first.Token, second.Token);
        Assert.Equal("two"u8.ToArray(), (await backend.RunAsync(DlmAction.Get, OwnerA)).Value);
        Assert.Equal(new(0, 1), backend.CountEntries());
    }

    [Fact]
    public async Task GetAndPut_ByOtherOwner_AreNotOwnerAndChangeNothing()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Put, OwnerA, value: "mine");

        var get = await backend.RunAsync(DlmAction.Get, OwnerB);
        var put = await backend.RunAsync(DlmAction.Put, OwnerB, value: "theirs");

        Assert.Equal(ActionOutcome.NotOwner, get.Outcome);
        Assert.Null(get.Value);
        Assert.Equal(ActionOutcome.NotOwner, put.Outcome);
        Assert.Equal("mine"u8.ToArray(), (await backend.RunAsync(DlmAction.Get, OwnerA)).Value);
    }

    [Fact]
    public async Task Get_OwnLockWithoutValue_IsNoData()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA);

        Assert.Equal(ActionOutcome.GotNoData, await backend.OutcomeAsync(DlmAction.Get, OwnerA));
    }

    [Fact]
    public async Task Put_OnOwnLock_AttachesAValueThatRelockKeeps()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA);

        await backend.RunAsync(DlmAction.Put, OwnerA, value: "state");
        Assert.Equal(new(0, 1), backend.CountEntries());
        await backend.RunAsync(DlmAction.Lock, OwnerA);

        Assert.Equal("state"u8.ToArray(), (await backend.RunAsync(DlmAction.Get, OwnerA)).Value);
    }

    [Fact]
    public async Task Unlock_OwnEntryWithValue_RemovesTheValue()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Put, OwnerA, value: "state");

        await backend.RunAsync(DlmAction.Unlock, OwnerA);

        Assert.Equal(ActionOutcome.GetNotFound, await backend.OutcomeAsync(DlmAction.Get, OwnerA));
        Assert.Equal(new(0, 0), backend.CountEntries());
    }

    [Fact]
    public async Task Erase_ByOwner_RemovesTheEntry()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Put, OwnerA, value: "state");

        var erased = await backend.RunAsync(DlmAction.Erase, OwnerA);

        Assert.Equal(ActionOutcome.Erased, erased.Outcome);
        Assert.Equal(ActionOutcome.GetNotFound, await backend.OutcomeAsync(DlmAction.Get, OwnerA));
        Assert.Equal(ActionOutcome.EraseNotFound, await backend.OutcomeAsync(DlmAction.Erase, OwnerA));
    }

    [Fact]
    public async Task Erase_OtherOwnersLockOnlyEntry_IsNotOwnerAndTheLockSurvives()
    {
        // The original answers Corruption here and drops the lock: anyone could break any lock.
        await using var backend = TestBackends.Memory(_clock, _counters);
        var locked = await backend.RunAsync(DlmAction.Lock, OwnerA);

        var erase = await backend.RunAsync(DlmAction.Erase, OwnerB);

        Assert.Equal(ActionOutcome.NotOwner, erase.Outcome);
        Assert.Equal(ActionOutcome.NotOwner, await backend.OutcomeAsync(DlmAction.Lock, OwnerB));
        var test = await backend.RunAsync(DlmAction.TestLock, OwnerA);
        Assert.Equal(ActionOutcome.TestLocked, test.Outcome);
        Assert.Equal(locked.Token, test.Token);
    }

    [Fact]
    public async Task Erase_OwnLockOnlyEntry_IsErased()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA);

        Assert.Equal(ActionOutcome.Erased, await backend.OutcomeAsync(DlmAction.Erase, OwnerA));
        Assert.Equal(ActionOutcome.Locked, await backend.OutcomeAsync(DlmAction.Lock, OwnerB));
    }

    [Fact]
    public async Task Lock_WithIdentity_SameIdWithoutIdentityIsNotOwner()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        var identity = IdentityStamp.ForSecret("ops", "secret"u8);
        await backend.RunAsync(DlmAction.Lock, OwnerA, identity: identity);

        Assert.Equal(ActionOutcome.NotOwner, await backend.OutcomeAsync(DlmAction.Unlock, OwnerA));
        var again = IdentityStamp.ForSecret("ops", "secret"u8);
        var unlocked = await backend.OutcomeAsync(DlmAction.Unlock, OwnerA, identity: again);
        Assert.Equal(ActionOutcome.Unlocked, unlocked);
    }

    [Fact]
    public async Task Keys_AreComparedByteForByte()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA, key: "job");

        foreach (var other in new[] { "Job", "job ", "job:state" })
        {
            var outcome = await backend.OutcomeAsync(DlmAction.Lock, OwnerB, key: other);
            Assert.Equal(ActionOutcome.Locked, outcome);
        }

        Assert.Equal(new(4, 0), backend.CountEntries());
    }

    [Fact]
    public async Task Overloaded_NewLockAndPutRefusedButRelockWorks()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA, key: "held");

        var newLock = await backend.RunAsync(DlmAction.Lock, OwnerA, key: "new", overloaded: true);
        var put = await backend.RunAsync(DlmAction.Put, OwnerA, key: "held", overloaded: true);
        var relock = await backend.RunAsync(DlmAction.Lock, OwnerA, key: "held", overloaded: true);

        Assert.Equal(ActionOutcome.Overloaded, newLock.Outcome);
        Assert.Equal(ActionOutcome.Overloaded, put.Outcome);
        Assert.Equal(ActionOutcome.Relocked, relock.Outcome);
        Assert.Equal(new(1, 0), backend.CountEntries());
    }

    [Fact]
    public async Task Tokens_NewGrants_StrictlyIncrease()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        var last = 0L;

        for (var i = 0; i < 200; i++)
        {
            // Alternate new keys, Puts and re-grants of a key just released.
            var key = i % 3 == 0 ? "reused" : $"key-{i}";
            var action = i % 2 == 0 ? DlmAction.Lock : DlmAction.Put;
            var result = await backend.RunAsync(action, i % 4 < 2 ? OwnerA : OwnerB, key: key);
            if (key == "reused")
            {
                await backend.RunAsync(DlmAction.Unlock, i % 4 < 2 ? OwnerA : OwnerB, key: key);
            }

            Assert.True(result.Token > last, $"token {result.Token} after {last}");
            last = result.Token;
        }
    }

    [Fact]
    public async Task Tokens_ExpiredEntryRegranted_GetsANewLargerToken()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        var first = await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 5);
        _clock.Advance(TimeSpan.FromSeconds(6));

        var second = await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 5);

        Assert.Equal(ActionOutcome.Locked, second.Outcome);
        Assert.True(second.Token > first.Token);
    }

    [Fact]
    public async Task Tokens_NextRunWithTheSameReservations_ContinuesAboveThePrevious()
    {
        var reservations = new VolatileTokenReservations();
        var highest = 0L;
        await using (var previous = TestBackends.Memory(_clock, tokens: reservations))
        {
            for (var i = 0; i < 10; i++)
            {
                highest = (await previous.RunAsync(DlmAction.Lock, OwnerA, key: $"k{i}")).Token;
            }
        }

        await using var next = TestBackends.Memory(_clock, tokens: reservations);
        var result = await next.RunAsync(DlmAction.Lock, OwnerA, key: "k0");

        Assert.Equal(ActionOutcome.Locked, result.Outcome);
        Assert.True(result.Token > highest, $"token {result.Token} not above {highest}");
    }

    [Fact]
    public async Task ExecuteAsync_ManyOwnersRacingForOneKey_GrantsItOnce()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        var owners = Enumerable.Range(0, 64).Select(i => OwnerId.FromString($"owner-{i}")).ToList();

        var results = await Task.WhenAll(owners.Select(owner =>
            Task.Run(() => backend.RunAsync(DlmAction.Lock, owner, key: "contended"))));

        Assert.Single(results, r => r.Outcome == ActionOutcome.Locked);
        Assert.Equal(63, results.Count(r => r.Outcome == ActionOutcome.NotOwner));
    }

    [Fact]
    public async Task CountEntries_LocksAndValues_CountedApart()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        for (var i = 0; i < 5; i++)
        {
            await backend.RunAsync(DlmAction.Lock, OwnerA, key: $"lock-{i}");
        }

        for (var i = 0; i < 3; i++)
        {
            await backend.RunAsync(DlmAction.Put, OwnerA, key: $"data-{i}", value: "v");
        }

        await backend.RunAsync(DlmAction.Unlock, OwnerA, key: "lock-0");
        await backend.RunAsync(DlmAction.Erase, OwnerA, key: "data-0");

        Assert.Equal(new(4, 2), backend.CountEntries());
        Assert.Equal("memory", backend.Name);
    }
}
