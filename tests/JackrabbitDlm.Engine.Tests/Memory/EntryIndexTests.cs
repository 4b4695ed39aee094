using System.Text;
using JackrabbitDlm.Engine.Memory;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Tests.Memory;

public sealed class EntryIndexTests
{
    private readonly RecordPages _pages = new();
    private readonly EntryIndex _index;

    public EntryIndexTests() => _index = new EntryIndex(_pages);

    [Fact]
    public void Find_AddedKeys_AreFoundAndOthersAreNot()
    {
        var handles = Enumerable.Range(0, 1000).ToDictionary(i => $"key-{i}", i => Add($"key-{i}"));

        foreach (var (key, handle) in handles)
        {
            Assert.Equal(handle, Find(key));
        }

        Assert.Equal(RecordPages.None, Find("key-1000"));
        Assert.Equal(1000, _index.Count);
    }

    [Fact]
    public void Remove_UnderHeavyCollisions_KeepsEveryOtherKeyFindable()
    {
        // One hash for every key: each lookup walks a run, and each removal shifts it back.
        const int hash = 12345;
        var live = new Dictionary<string, int>();
        var random = new Random(3);
        for (var step = 0; step < 3000; step++)
        {
            var key = $"k{random.Next(200)}";
            if (live.Remove(key, out var handle))
            {
                _index.Remove(hash, handle);
            }
            else
            {
                live[key] = Add(key, hash);
            }

            if (step % 100 == 0)
            {
                AssertIndexHolds(live, _ => hash);
            }
        }

        AssertIndexHolds(live, _ => hash);
    }

    [Fact]
    public void RandomAddsAndRemoves_MatchADictionary_WhileGrowingAndShrinking()
    {
        var live = new Dictionary<string, int>();
        var random = new Random(11);
        for (var step = 0; step < 40_000; step++)
        {
            // Grow to thousands of keys, then drain, so the table resizes both ways.
            var draining = step > 25_000;
            var key = $"key-{random.Next(draining ? 400 : 6000)}";
            if (live.Remove(key, out var handle))
            {
                _index.Remove(Hash(key), handle);
            }
            else if (!draining)
            {
                live[key] = Add(key);
            }
        }

        AssertIndexHolds(live, Hash);
        foreach (var (key, handle) in live)
        {
            _index.Remove(Hash(key), handle);
        }

        Assert.Equal(0, _index.Count);
        Assert.True(_index.Capacity <= 16, $"{_index.Capacity} slots left for no keys");
    }

    [Fact]
    public void MoveAt_PointsTheSlotAtTheNewRecord()
    {
        var old = Add("moving");
        var slot = Enumerable.Range(0, _index.Capacity).Single(i => _index.HandleAt(i) == old);
        var length = new EntryRecord(_pages, old).Length;
        var copy = _pages.Allocate(length);
        _pages.Bytes(old, length).CopyTo(_pages.Bytes(copy, length));

        _index.MoveAt(slot, copy);

        Assert.Equal(copy, Find("moving"));
    }

    private void AssertIndexHolds(Dictionary<string, int> live, Func<string, int> hashOf)
    {
        Assert.Equal(live.Count, _index.Count);
        foreach (var (key, handle) in live)
        {
            Assert.Equal(handle, _index.Find(Encoding.UTF8.GetBytes(key), hashOf(key)));
        }
    }

    private int Add(string key, int? hash = null)
    {
        var (entryKey, owner) = (EntryKey.FromString(key), OwnerId.FromString("owner"));
        var handle = _pages.Allocate(EntryRecord.LengthFor(entryKey, owner));
        EntryRecord.Create(_pages, handle, entryKey, owner, 1, 1);
        _index.Add(hash ?? Hash(key), handle);
        return handle;
    }

    private int Find(string key) => _index.Find(Encoding.UTF8.GetBytes(key), Hash(key));

    private static int Hash(string key) => EntryIndex.Hash(Encoding.UTF8.GetBytes(key));
}
