using JackrabbitDlm.Engine.Statistics;

namespace JackrabbitDlm.Engine.Tests.Statistics;

public sealed class CounterSetTests
{
    [Fact]
    public void IncrementAddDecrement_ChangeOnlyTheirCounter()
    {
        var counters = new CounterSet();

        counters.Increment(Counter.Lock);
        counters.Increment(Counter.Lock);
        counters.Add(Counter.DataIn, 40);
        counters.Decrement(Counter.AIn);

        Assert.Equal(2, counters.Get(Counter.Lock));
        Assert.Equal(40, counters.Get(Counter.DataIn));
        Assert.Equal(-1, counters.Get(Counter.AIn));
        Assert.Equal(0, counters.Get(Counter.Unlock));
    }

    [Fact]
    public void RaiseTo_OnlyRaises()
    {
        var counters = new CounterSet();

        counters.RaiseTo(Counter.MemoryMax, 30);
        counters.RaiseTo(Counter.MemoryMax, 20);

        Assert.Equal(30, counters.Get(Counter.MemoryMax));
        counters.Set(Counter.MemoryMax, 5);
        Assert.Equal(5, counters.Get(Counter.MemoryMax));
    }

    [Fact]
    public void NonZero_ListsCountersByOrdinalName()
    {
        var counters = new CounterSet();
        counters.Increment(Counter.Unlock);
        counters.Increment(Counter.Erased);
        counters.Add(Counter.DataOut, 7);
        counters.Increment(Counter.EraseNF);
        counters.Increment(Counter.AData);

        var names = counters.NonZero().Select(pair => $"{pair.Key}: {pair.Value}");

        // Ordinal: upper-case letters sort before lower-case, so "EraseNF" precedes "Erased".
        Assert.Equal(["AData: 1", "DataOut: 7", "EraseNF: 1", "Erased: 1", "Unlock: 1"], names);
    }

    [Fact]
    public void Names_AreTheOriginalsStatisticsKeys()
    {
        string[] original =
        [
            "Lock", "Relock", "Unlock", "UnlockNF", "TestLock", "TestLockNF", "Get", "GetNF",
            "PutNew", "PutUpdate", "PutMemory", "PutDisk", "Erased", "EraseNF", "NotOwner",
            "BadPayload", "BadAction", "AuthFailed", "Corruption", "MemoryOverloadCheck", "MemoryMax",
            "ExpiredLock", "ExpiredData", "DataIn", "DataOut", "Connections", "In", "Out", "BadConn",
            "DataOverrun", "Idle", "ALock", "AData", "AIn", "AOut",
        ];

        var names = Enum.GetNames<Counter>();

        Assert.All(original, name => Assert.Contains(name, names));
    }

    [Fact]
    public async Task Increment_FromManyThreads_LosesNothing()
    {
        var counters = new CounterSet();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counters.Increment(Counter.In);
            }
        })));

        Assert.Equal(80_000, counters.Get(Counter.In));
    }
}
