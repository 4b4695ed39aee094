using JackrabbitDlm.Engine.Memory;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Tests.Memory;

public sealed class ExpiryQueueTests
{
    private readonly ExpiryQueue _queue = new();
    private readonly List<EntryRecord> _popped = [];

    [Fact]
    public void PopExpired_DueEntries_InExpiryOrder()
    {
        var late = Scheduled("late", 30);
        var early = Scheduled("early", 10);
        var middle = Scheduled("middle", 20);

        var count = _queue.PopExpired(25, int.MaxValue, _popped.Add);

        Assert.Equal(2, count);
        Assert.Equal([early, middle], _popped);
        Assert.Equal(1, _queue.NodeCount);
        Assert.Equal(EntryRecord.NotScheduled, early.ScheduledAtTicks);
        Assert.NotEqual(EntryRecord.NotScheduled, late.ScheduledAtTicks);
    }

    [Fact]
    public void PopExpired_AtExactlyTheExpiry_IsDue()
    {
        var entry = Scheduled("k", 10);

        Assert.Equal(0, _queue.PopExpired(9, int.MaxValue, _popped.Add));
        Assert.Equal(1, _queue.PopExpired(10, int.MaxValue, _popped.Add));
        Assert.Equal([entry], _popped);
    }

    [Fact]
    public void PopExpired_StopsAtMax()
    {
        for (var i = 0; i < 10; i++)
        {
            Scheduled($"k{i}", i);
        }

        Assert.Equal(4, _queue.PopExpired(100, 4, _popped.Add));
        Assert.Equal(6, _queue.NodeCount);
    }

    [Fact]
    public void Schedule_LaterExpiry_KeepsOneNodeAndRequeuesWhenItSurfaces()
    {
        var entry = Scheduled("k", 10);
        entry.ExpiresAtTicks = 50;
        _queue.Schedule(entry);
        Assert.Equal(1, _queue.NodeCount);

        Assert.Equal(0, _queue.PopExpired(20, int.MaxValue, _popped.Add));
        Assert.Equal(1, _queue.NodeCount);
        Assert.Equal(50, entry.ScheduledAtTicks);

        Assert.Equal(1, _queue.PopExpired(50, int.MaxValue, _popped.Add));
    }

    [Fact]
    public void Schedule_EarlierExpiry_AddsANodeAndDropsTheStaleOne()
    {
        var entry = Scheduled("k", 50);
        entry.ExpiresAtTicks = 10;
        _queue.Schedule(entry);
        Assert.Equal(2, _queue.NodeCount);

        Assert.Equal(1, _queue.PopExpired(10, int.MaxValue, _popped.Add));
        Assert.Equal(0, _queue.PopExpired(60, int.MaxValue, _popped.Add));

        Assert.Equal([entry], _popped);
        Assert.Equal(0, _queue.NodeCount);
    }

    [Fact]
    public void PopExpired_RemovedEntry_IsDroppedSilently()
    {
        var entry = Scheduled("k", 10);
        entry.MarkRemoved();

        Assert.Equal(0, _queue.PopExpired(20, int.MaxValue, _popped.Add));
        Assert.Empty(_popped);
        Assert.Equal(0, _queue.NodeCount);
    }

    [Fact]
    public void CompactIfMostlyStale_StaleNodesDominate_RebuildsFromLiveEntries()
    {
        var live = new List<EntryRecord>();
        for (var i = 0; i < 3000; i++)
        {
            var entry = Scheduled($"k{i}", 1000 + i);
            if (i % 100 == 0)
            {
                live.Add(entry);
            }
            else
            {
                entry.MarkRemoved();
            }
        }

        _queue.CompactIfMostlyStale(live.ConvertAll(entry => entry.Bytes));

        Assert.Equal(live.Count, _queue.NodeCount);
        Assert.Equal(live.Count, _queue.PopExpired(long.MaxValue, int.MaxValue, _popped.Add));
        Assert.Equal(live, _popped);
    }

    [Fact]
    public void CompactIfMostlyStale_FewStaleNodes_LeavesTheHeap()
    {
        var live = Enumerable.Range(0, 100).Select(i => Scheduled($"k{i}", i).Bytes).ToList();
        for (var i = 0; i < 150; i++)
        {
            Scheduled($"gone{i}", i).MarkRemoved();
        }

        _queue.CompactIfMostlyStale(live);

        Assert.Equal(250, _queue.NodeCount);
    }

    private EntryRecord Scheduled(string key, long expiresAtTicks)
    {
        var entry = EntryRecord.Create(EntryKey.FromString(key), OwnerId.FromString("o"), 1, expiresAtTicks);
        _queue.Schedule(entry);
        return entry;
    }
}
