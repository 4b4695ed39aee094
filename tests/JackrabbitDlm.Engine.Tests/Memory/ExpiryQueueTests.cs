using JackrabbitDlm.Engine.Memory;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Tests.Memory;

public sealed class ExpiryQueueTests
{
    private readonly RecordPages _pages = new();
    private readonly ExpiryQueue _queue;
    private readonly List<EntryRecord> _popped = [];

    public ExpiryQueueTests() => _queue = new ExpiryQueue(_pages);

    [Fact]
    public void PopExpired_DueEntries_InExpiryOrder()
    {
        var late = Queued("late", 30);
        var early = Queued("early", 10);
        var middle = Queued("middle", 20);

        var count = _queue.PopExpired(25, int.MaxValue, _popped.Add);

        Assert.Equal(2, count);
        Assert.Equal([early, middle], _popped);
        Assert.Equal(1, _queue.NodeCount);
        Assert.Equal(-1, early.QueuePosition);
        Assert.Equal(0, late.QueuePosition);
    }

    [Fact]
    public void PopExpired_AtExactlyTheExpiry_IsDue()
    {
        var entry = Queued("k", 10);

        Assert.Equal(0, _queue.PopExpired(9, int.MaxValue, _popped.Add));
        Assert.Equal(1, _queue.PopExpired(10, int.MaxValue, _popped.Add));
        Assert.Equal([entry], _popped);
    }

    [Fact]
    public void PopExpired_StopsAtMax()
    {
        for (var i = 0; i < 10; i++)
        {
            Queued($"k{i}", i);
        }

        Assert.Equal(4, _queue.PopExpired(100, 4, _popped.Add));
        Assert.Equal(6, _queue.NodeCount);
    }

    [Fact]
    public void Update_LaterExpiry_MovesTheEntryBack()
    {
        var entry = Queued("k", 10);
        var other = Queued("other", 20);
        entry.SetExpiresAtTicks(50);
        _queue.Update(entry);

        Assert.Equal(1, _queue.PopExpired(30, int.MaxValue, _popped.Add));
        Assert.Equal([other], _popped);
        Assert.Equal(1, _queue.PopExpired(50, int.MaxValue, _popped.Add));
        Assert.Equal(2, _popped.Count);
    }

    [Fact]
    public void Update_EarlierExpiry_MovesTheEntryForward()
    {
        var other = Queued("other", 20);
        var entry = Queued("k", 50);
        entry.SetExpiresAtTicks(10);
        _queue.Update(entry);

        Assert.Equal(1, _queue.PopExpired(10, int.MaxValue, _popped.Add));
        Assert.Equal([entry], _popped);
        Assert.Equal(1, _queue.NodeCount);
        Assert.Equal(0, other.QueuePosition);
    }

    [Fact]
    public void Remove_TakesOnlyThatEntry_AndKeepsTheOrder()
    {
        var entries = Enumerable.Range(0, 50).Select(i => Queued($"k{i}", (i * 37) % 50)).ToList();
        foreach (var entry in entries.Where((_, i) => i % 3 == 0))
        {
            _queue.Remove(entry);
            Assert.Equal(-1, entry.QueuePosition);
        }

        _queue.PopExpired(long.MaxValue, int.MaxValue, _popped.Add);

        var expected = entries.Where((_, i) => i % 3 != 0).OrderBy(e => e.ExpiresAtTicks).ToList();
        Assert.Equal(expected, _popped);
    }

    [Fact]
    public void Remove_AnEntryNotQueued_ChangesNothing()
    {
        Queued("k", 10);
        var loose = Record("loose", 5);

        _queue.Remove(loose);

        Assert.Equal(1, _queue.NodeCount);
    }

    [Fact]
    public void ManyChanges_HeapStaysOrdered()
    {
        var random = new Random(7);
        var entries = Enumerable.Range(0, 2000).Select(i => Queued($"k{i}", random.Next(10_000))).ToList();
        for (var i = 0; i < 5000; i++)
        {
            var entry = entries[random.Next(entries.Count)];
            entry.SetExpiresAtTicks(random.Next(10_000));
            _queue.Update(entry);
        }

        _queue.PopExpired(long.MaxValue, int.MaxValue, _popped.Add);

        Assert.Equal(entries.Count, _popped.Count);
        Assert.Equal(_popped.Select(e => e.ExpiresAtTicks).Order(), _popped.Select(e => e.ExpiresAtTicks));
    }

    private EntryRecord Queued(string key, long expiresAtTicks)
    {
        var entry = Record(key, expiresAtTicks);
        _queue.Add(entry);
        return entry;
    }

    private EntryRecord Record(string key, long expiresAtTicks)
    {
        var (entryKey, owner) = (EntryKey.FromString(key), OwnerId.FromString("o"));
        var handle = _pages.Allocate(EntryRecord.LengthFor(entryKey, owner));
        return EntryRecord.Create(_pages, handle, entryKey, owner, 1, expiresAtTicks);
    }
}
