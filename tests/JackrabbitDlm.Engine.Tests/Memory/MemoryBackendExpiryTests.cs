using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Tests.Infrastructure;
using JackrabbitDlm.Protocol.Wire;
using static JackrabbitDlm.Engine.Tests.Infrastructure.Commands;

namespace JackrabbitDlm.Engine.Tests.Memory;

/// <summary>Expiry on the backend's monotonic clock, driven by a fake clock.</summary>
public sealed class MemoryBackendExpiryTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly CounterSet _counters = new();

    public static TheoryData<DlmAction, ActionOutcome> ActionsOnAnExpiredEntry => new()
    {
        { DlmAction.Lock, ActionOutcome.Locked },
        { DlmAction.Unlock, ActionOutcome.UnlockedNotFound },
        { DlmAction.TestLock, ActionOutcome.TestUnlocked },
        { DlmAction.Get, ActionOutcome.GetNotFound },
        { DlmAction.Put, ActionOutcome.PutNew },
        { DlmAction.Erase, ActionOutcome.EraseNotFound },
    };

    [Theory]
    [MemberData(nameof(ActionsOnAnExpiredEntry))]
    public async Task Execute_OtherOwnerAfterExpiry_SeesNoEntry(DlmAction action, ActionOutcome outcome)
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Put, OwnerA, ttlSeconds: 10, value: "v");
        _clock.Advance(TimeSpan.FromSeconds(10));

        var result = await backend.RunAsync(action, OwnerB);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(1, _counters.Get(Counter.ExpiredData));
    }

    [Theory]
    [MemberData(nameof(ActionsOnAnExpiredEntry))]
    public async Task Execute_OwnerAfterExpiry_SeesNoEntry(DlmAction action, ActionOutcome outcome)
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        var granted = await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 10);
        _clock.Advance(TimeSpan.FromSeconds(11));

        var result = await backend.RunAsync(action, OwnerA);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(1, _counters.Get(Counter.ExpiredLock));
        if (outcome == ActionOutcome.Locked)
        {
            Assert.True(result.Token > granted.Token, "a lock that lapsed is a new grant, not a renewal");
        }
    }

    [Fact]
    public async Task Execute_JustBeforeExpiry_EntryIsStillHeld()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 10);
        _clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));

        Assert.Equal(ActionOutcome.NotOwner, await backend.OutcomeAsync(DlmAction.Lock, OwnerB));
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(ActionOutcome.Locked, await backend.OutcomeAsync(DlmAction.Lock, OwnerB));
    }

    [Fact]
    public async Task Sweep_ExpiredEntries_PurgedAndCountedByKind()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        for (var i = 0; i < 3; i++)
        {
            await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 5, key: $"lock-{i}");
            await backend.RunAsync(DlmAction.Put, OwnerA, ttlSeconds: 5, key: $"data-{i}", value: "v");
        }

        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 60, key: "long lock");
        await backend.RunAsync(DlmAction.Put, OwnerA, ttlSeconds: 60, key: "long data", value: "v");
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(new(4, 4), backend.CountEntries());

        backend.Sweep();

        Assert.Equal(new(1, 1), backend.CountEntries());
        Assert.Equal(3, _counters.Get(Counter.ExpiredLock));
        Assert.Equal(3, _counters.Get(Counter.ExpiredData));
    }

    [Fact]
    public async Task Sweep_BeforeAnythingExpires_RemovesNothing()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 5);
        _clock.Advance(TimeSpan.FromSeconds(4));

        backend.Sweep();

        Assert.Equal(new(1, 0), backend.CountEntries());
        Assert.Equal(0, _counters.Get(Counter.ExpiredLock));
    }

    [Fact]
    public async Task SweepTimer_TimePasses_PurgesWithoutAnyRequest()
    {
        var sweepInterval = TimeSpan.FromSeconds(1);
        await using var backend = TestBackends.Memory(_clock, _counters, sweepInterval: sweepInterval);
        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 2);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new(1, 0), backend.CountEntries());
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(new(0, 0), backend.CountEntries());
        Assert.Equal(1, _counters.Get(Counter.ExpiredLock));
    }

    [Fact]
    public async Task DisposeAsync_StopsTheSweepTimer()
    {
        var backend = TestBackends.Memory(_clock, _counters, sweepInterval: TimeSpan.FromSeconds(1));
        Assert.Equal(1, _clock.TimerCount);

        await backend.DisposeAsync();

        Assert.Equal(0, _clock.TimerCount);
    }

    [Fact]
    public async Task Relock_ExtendsFromNow()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 10);
        _clock.Advance(TimeSpan.FromSeconds(8));
        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 10);

        _clock.Advance(TimeSpan.FromSeconds(8));
        backend.Sweep();
        Assert.Equal(ActionOutcome.NotOwner, await backend.OutcomeAsync(DlmAction.Lock, OwnerB));

        _clock.Advance(TimeSpan.FromSeconds(2));
        backend.Sweep();
        Assert.Equal(new(0, 0), backend.CountEntries());
        Assert.Equal(1, _counters.Get(Counter.ExpiredLock));
    }

    [Fact]
    public async Task Relock_WithShorterTtl_ExpiresAtTheEarlierTime()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 100);
        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 1);

        _clock.Advance(TimeSpan.FromSeconds(2));
        backend.Sweep();

        Assert.Equal(new(0, 0), backend.CountEntries());
        Assert.Equal(ActionOutcome.Locked, await backend.OutcomeAsync(DlmAction.Lock, OwnerB));
    }

    [Fact]
    public async Task Put_ByOwner_SetsANewExpiry()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 100);
        await backend.RunAsync(DlmAction.Put, OwnerA, ttlSeconds: 1, value: "v");

        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(ActionOutcome.GetNotFound, await backend.OutcomeAsync(DlmAction.Get, OwnerA));
    }

    [Theory]
    [InlineData(3600)]
    [InlineData(-3600)]
    [InlineData(86_400 * 365)]
    public async Task WallClockJump_Alone_NeitherFreesNorExtends(int jumpSeconds)
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 10);

        _clock.UtcNow += TimeSpan.FromSeconds(jumpSeconds);
        backend.Sweep();
        Assert.Equal(ActionOutcome.NotOwner, await backend.OutcomeAsync(DlmAction.Lock, OwnerB));

        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(ActionOutcome.Locked, await backend.OutcomeAsync(DlmAction.Lock, OwnerB));
    }

    [Fact]
    public async Task Sweep_HundredThousandExpiredEntries_RemovesAll()
    {
        const int Count = 100_000;
        await using var backend = TestBackends.Memory(_clock, _counters);
        for (var i = 0; i < Count; i++)
        {
            var action = i % 10 == 0 ? DlmAction.Put : DlmAction.Lock;
            await backend.RunAsync(action, OwnerA, ttlSeconds: 1 + (i % 7), key: $"k{i}");
        }

        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 60, key: "survivor");
        _clock.Advance(TimeSpan.FromSeconds(8));

        backend.Sweep();

        Assert.Equal(new(1, 0), backend.CountEntries());
        Assert.Equal(Count / 10, _counters.Get(Counter.ExpiredData));
        Assert.Equal(Count - (Count / 10), _counters.Get(Counter.ExpiredLock));
        Assert.True(backend.ExpiryNodeCount <= 2, $"{backend.ExpiryNodeCount} queue nodes left");
    }

    [Fact]
    public async Task Requests_AfterMassExpiry_PurgeABoundedNumberEach()
    {
        // Each request purges at most a few expired entries of its own shard inline, so no
        // request pays for a mass expiry; the sweep does the rest.
        await using var backend = TestBackends.Memory(_clock, _counters);
        for (var i = 0; i < 1000; i++)
        {
            await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 1, key: $"k{i}");
        }

        _clock.Advance(TimeSpan.FromSeconds(2));
        await backend.RunAsync(DlmAction.TestLock, OwnerB, key: "unrelated");

        var purged = _counters.Get(Counter.ExpiredLock);
        Assert.InRange(purged, 0, 4);
        backend.Sweep();
        Assert.Equal(1000, _counters.Get(Counter.ExpiredLock));
    }

    [Fact]
    public async Task ExpiryQueue_LockUnlockChurn_StaysBoundedAfterSweep()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 3000, key: "held");

        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 5000; i++)
            {
                var key = $"churn-{i % 50}";
                await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 3000, key: key);
                await backend.RunAsync(DlmAction.Unlock, OwnerA, key: key);
            }

            backend.Sweep();

            // Nothing has expired, so only the rebuild can drop the unlocked entries' nodes.
            var nodes = backend.ExpiryNodeCount;
            Assert.True(nodes <= 1024 + 2, $"{nodes} nodes after round {round}");
        }

        Assert.Equal(new(1, 0), backend.CountEntries());
        var outcome = await backend.OutcomeAsync(DlmAction.Lock, OwnerB, key: "held");
        Assert.Equal(ActionOutcome.NotOwner, outcome);
    }

    [Fact]
    public async Task ExpiryQueue_RelockChurnWithShrinkingTtl_StaysBoundedAfterSweep()
    {
        await using var backend = TestBackends.Memory(_clock, _counters);
        await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 3000);

        // Each earlier expiry adds a node and leaves the previous one stale.
        for (var i = 0; i < 10_000; i++)
        {
            await backend.RunAsync(DlmAction.Lock, OwnerA, ttlSeconds: 3000 - (i * 0.25));
        }

        backend.Sweep();

        Assert.True(backend.ExpiryNodeCount <= 1024 + 2, $"{backend.ExpiryNodeCount} nodes");
        _clock.Advance(TimeSpan.FromSeconds(3000 - (9999 * 0.25)));
        backend.Sweep();
        Assert.Equal(new(0, 0), backend.CountEntries());
        Assert.Equal(0, backend.ExpiryNodeCount);
    }
}
