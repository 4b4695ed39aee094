using System.Diagnostics;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using Xunit.Abstractions;
using static JackrabbitDlm.Backends.Tests.Conformance.Commands;

namespace JackrabbitDlm.Backends.Tests.Conformance;

/// <summary>
/// What a persistent backend adds to the rules: several instances on one store act as one table
/// (as several servers sharing it would), entries outlive the instance that wrote them, and an
/// acknowledged write survives the writer being killed.
/// </summary>
public abstract class SharedBackendConformanceTests : BackendConformanceTests
{
    protected SharedBackendConformanceTests(ITestOutputHelper output)
        : base(output)
    {
    }

    /// <summary>The arguments after <c>crash-writer</c> that make the child write to this store.</summary>
    protected abstract IReadOnlyList<string> CrashWriterArguments { get; }

    /// <summary>Checks what a backend leaves behind after a killed writer, once reopened.</summary>
    protected virtual Task VerifyAfterCrashAsync(IEntryBackend reopened) => Task.CompletedTask;

    [Fact]
    public async Task Lock_TwoInstances_ShareOneTable()
    {
        var other = await OpenAsync();

        var held = await ExpectAsync(ActionOutcome.Locked, Lock("job", Alice));

        Assert.Equal(ActionOutcome.NotOwner, (await RunAsync(other, Lock("job", Bob))).Outcome);
        var seen = await RunAsync(other, TestLock("job", Alice));
        Assert.Equal(ActionOutcome.TestLocked, seen.Outcome);
        Assert.Equal(held.Token, seen.Token);
        Assert.Equal(ActionOutcome.Unlocked, (await RunAsync(other, Unlock("job", Alice))).Outcome);
        await ExpectAsync(ActionOutcome.TestUnlocked, TestLock("job", Alice));
        Assert.Equal(Backend.CountEntries(), other.CountEntries());
    }

    [Fact]
    public async Task Lock_TwoInstancesFightOverOneKey_NeverTwoHoldersAndTokensGrow()
    {
        var other = await OpenAsync();

        var fight = await FightAsync([Backend, other], fighters: 8, roundsEach: 25);

        Assert.Equal(0, fight.Violations);
        Assert.True(fight.Grants > 1);
    }

    [Fact]
    public async Task Lock_TwoInstancesGrantInTurn_TokensStrictlyIncrease()
    {
        var other = await OpenAsync();
        var last = 0L;

        for (var i = 0; i < 6; i++)
        {
            var instance = i % 2 == 0 ? Backend : other;
            var locked = await RunAsync(instance, Lock($"turn-{i}", Alice));
            Assert.Equal(ActionOutcome.Locked, locked.Outcome);
            Assert.True(locked.Token > last, $"token {locked.Token} after {last}");
            last = locked.Token;
        }
    }

    [Fact]
    public async Task Reopen_AfterDispose_KeepsEntriesAndTokensKeepGrowing()
    {
        var held = await ExpectAsync(ActionOutcome.Locked, Lock("held", Alice));
        var large = LargeValue(200_000);
        var stored = await ExpectAsync(ActionOutcome.PutNew, Put("stored", Alice, large));
        await CloseAsync(Backend);

        var reopened = await OpenAsync();

        var test = await RunAsync(reopened, TestLock("held", Alice));
        Assert.Equal(ActionOutcome.TestLocked, test.Outcome);
        Assert.Equal(held.Token, test.Token);
        var get = await RunAsync(reopened, Get("stored", Alice));
        Assert.Equal(ActionOutcome.GotValue, get.Outcome);
        Assert.Equal(large.Utf8, get.Value);
        var fresh = await RunAsync(reopened, Lock("fresh", Bob));
        Assert.Equal(ActionOutcome.Locked, fresh.Outcome);
        Assert.True(fresh.Token > stored.Token);
        Assert.Equal(new EntryCounts(2, 1), reopened.CountEntries());
    }

    [Fact]
    public async Task Put_WriterKilledMidStream_AcknowledgedWritesReadBackExactly()
    {
        var acknowledged = await CrashWriter.RunAndKillAsync(
            CrashWriterArguments, acknowledgementsBeforeKill: 40);
        Output.WriteLine($"{acknowledged.Count} writes acknowledged before the kill");
        Assert.True(acknowledged.Count >= 40);

        var reopened = await OpenAsync();

        foreach (var index in acknowledged)
        {
            var get = await RunAsync(reopened, Get(CrashWriter.KeyOf(index), CrashWriter.Owner));
            Assert.Equal(ActionOutcome.GotValue, get.Outcome);
            Assert.Equal(CrashWriter.ValueOf(index).Utf8, get.Value);
        }

        // The write in flight at the kill is either wholly there or not at all.
        var inFlight = acknowledged.Max() + 1;
        var maybe = await RunAsync(reopened, Get(CrashWriter.KeyOf(inFlight), CrashWriter.Owner));
        Assert.Contains(maybe.Outcome, new[] { ActionOutcome.GotValue, ActionOutcome.GetNotFound });
        if (maybe.Outcome == ActionOutcome.GotValue)
        {
            Assert.Equal(CrashWriter.ValueOf(inFlight).Utf8, maybe.Value);
        }

        await VerifyAfterCrashAsync(reopened);
    }

    /// <summary>Times a burst of lock/unlock pairs through two instances, for the record only.</summary>
    [Fact]
    public async Task Lock_TwoInstancesUnderLoad_EveryActionAnswersAsExpected()
    {
        var other = await OpenAsync();
        const int pairs = 100;
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(new[] { Backend, other }.Select((instance, n) => Task.Run(async () =>
        {
            for (var i = 0; i < pairs; i++)
            {
                var key = $"pair-{n}-{i}";
                var locked = await RunAsync(instance, Lock(key, Alice));
                Assert.Equal(ActionOutcome.Locked, locked.Outcome);
                var unlocked = await RunAsync(instance, Unlock(key, Alice));
                Assert.Equal(ActionOutcome.Unlocked, unlocked.Outcome);
            }
        })));

        Output.WriteLine(
            $"{GetType().Name}: {pairs * 4} actions through two instances in " +
            $"{clock.Elapsed.TotalSeconds:F2} s, about {pairs * 4 / clock.Elapsed.TotalSeconds:F0} actions/s");
        Assert.Equal(new EntryCounts(0, 0), other.CountEntries());
    }
}
