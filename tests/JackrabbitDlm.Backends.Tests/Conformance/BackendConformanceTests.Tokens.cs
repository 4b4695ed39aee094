using System.Diagnostics;
using System.Text;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Rules;
using static JackrabbitDlm.Backends.Tests.Conformance.Commands;

namespace JackrabbitDlm.Backends.Tests.Conformance;

/// <summary>Fencing tokens, unusual entry keys, counts, and many tasks at once.</summary>
public abstract partial class BackendConformanceTests
{
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
            $"{GetType().Name}: {actions} actions by {workers} tasks in " +
            $"{clock.Elapsed.TotalSeconds:F2} s, about {actions / clock.Elapsed.TotalSeconds:F0} actions/s");
        Assert.Equal(new EntryCounts(0, 0), Backend.CountEntries());
    }
}
