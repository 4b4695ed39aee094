using System.Text;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Memory;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Tests.Memory;

public sealed class MemoryShardTests
{
    private readonly MemoryShard _shard = new(_ => { });

    [Fact]
    public void ChurnOfChangingSizes_CompactsAndKeepsEveryEntryIntact()
    {
        var model = new Dictionary<string, (string Owner, long Token, long Expiry, string? Value)>();
        var random = new Random(5);
        var token = 0L;
        for (var phase = 0; phase < 6; phase++)
        {
            // Each phase's names are longer than the last's, so the space freed before rarely
            // fits the new records and only compaction can give it back.
            for (var i = 0; i < 2000; i++)
            {
                var key = $"p{phase}-{i}-" + new string('n', (phase * 60) + random.Next(40));
                var owner = new string('o', 1 + random.Next(70));
                var value = random.Next(4) == 0 ? $"value of {key}" : null;
                var expiry = random.Next(1_000_000);
                _shard.Add(Key(key), EntryIndex.Hash(Key(key).Utf8), OwnerId.FromString(owner), ++token,
                    expiry, value is null ? null : new EntryPayload { Value = Value(value) });
                model[key] = (owner, token, expiry, value);
            }

            foreach (var key in model.Keys.Where(_ => random.Next(10) != 0).ToList())
            {
                _shard.Remove(Find(key)!.Value);
                model.Remove(key);
                var (live, free) = _shard.RecordBytes;
                Assert.True(free <= Math.Max(live, 16 * 1024), $"{free} bytes free beside {live} live");
            }

            AssertEntriesIntact(model);
        }

        AssertShardHolds(model);
    }

    [Fact]
    public void RemovingMostEntries_CompactsAndTheQueueFollowsTheMoves()
    {
        var random = new Random(9);
        var model = new Dictionary<string, (string Owner, long Token, long Expiry, string? Value)>();
        for (var i = 0; i < 4000; i++)
        {
            var key = $"key-{i}-" + new string('x', random.Next(400));
            var expiry = random.Next(100_000);
            _shard.Add(Key(key), EntryIndex.Hash(Key(key).Utf8), OwnerId.FromString("o"), i + 1, expiry, null);
            model[key] = ("o", i + 1, expiry, null);
        }

        var before = _shard.RecordBytes.Live;
        foreach (var key in model.Keys.Where((_, i) => i % 5 != 0).ToList())
        {
            _shard.Remove(Find(key)!.Value);
            model.Remove(key);
        }

        Assert.True(_shard.RecordBytes.Free <= _shard.RecordBytes.Live, $"{_shard.RecordBytes}");
        Assert.True(_shard.RecordBytes.Live < before / 3);
        AssertShardHolds(model);
    }

    [Fact]
    public void PurgeExpired_TakesOnlyDueEntries_AndTellsOfValues()
    {
        var expiredWithValue = new List<bool>();
        var shard = new MemoryShard(expiredWithValue.Add);
        shard.Add(Key("due"), EntryIndex.Hash(Key("due").Utf8), OwnerId.FromString("o"), 1, 10,
            new EntryPayload { Value = Value("v") });
        shard.Add(Key("later"), EntryIndex.Hash(Key("later").Utf8), OwnerId.FromString("o"), 2, 30, null);

        Assert.Equal(1, shard.PurgeExpired(20, int.MaxValue));

        Assert.Equal([true], expiredWithValue);
        Assert.Equal(1, shard.Count);
        Assert.Equal(0, shard.ValueCount);
        Assert.Null(shard.Find(Key("due").Utf8, EntryIndex.Hash(Key("due").Utf8)));
    }

    // Checks every entry, then empties the expiry queue to check its order: call it last.
    private void AssertShardHolds(Dictionary<string, (string Owner, long Token, long Expiry, string? Value)> model)
    {
        AssertEntriesIntact(model);
        var expiries = new List<long>();
        _shard.Expiries.PopExpired(long.MaxValue, int.MaxValue, e => expiries.Add(e.ExpiresAtTicks));
        Assert.Equal(model.Values.Select(v => v.Expiry).Order(), expiries);
    }

    private void AssertEntriesIntact(Dictionary<string, (string Owner, long Token, long Expiry, string? Value)> model)
    {
        Assert.Equal(model.Count, _shard.Count);
        Assert.Equal(model.Values.Count(v => v.Value is not null), _shard.ValueCount);
        foreach (var (key, expected) in model)
        {
            var entry = Find(key) ?? throw new InvalidOperationException($"{key} is missing");
            Assert.Equal(expected.Owner, Encoding.UTF8.GetString(entry.Owner.Span));
            Assert.Equal(expected.Token, entry.Token);
            Assert.Equal(expected.Expiry, entry.ExpiresAtTicks);
            var value = _shard.PayloadOf(entry)?.Value as EntryValue;
            Assert.Equal(expected.Value, value is null ? null : Encoding.UTF8.GetString(value.Utf8));
        }
    }

    private EntryRecord? Find(string key) => _shard.Find(Key(key).Utf8, EntryIndex.Hash(Key(key).Utf8));

    private static EntryKey Key(string key) => EntryKey.FromString(key);

    private static EntryValue Value(string value) => new(Encoding.UTF8.GetBytes(value), value.Length);
}
