using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// One slice of the memory backend's table, with its own lock, records, index and expiry queue.
/// Keys are spread over many shards so that requests on different keys rarely wait for each
/// other, and so that each shard stays small: its arrays stay off the large-object heap, and
/// moving all of a shard's records when it compacts takes microseconds.
/// </summary>
internal sealed class MemoryShard
{
    // Compacting is worth it once this much is free and more is free than in use; moving every
    // live record then costs no more than the frees that made the room, spread over them.
    private const int CompactionFloor = 16 * 1024;

    private readonly RecordPages _pages = new();
    private readonly EntryIndex _index;

    // Identities and values, for the few entries that have them; keyed by the record's handle.
    private readonly Dictionary<int, EntryPayload> _payloads = [];
    private readonly Action<EntryRecord> _onExpired;

    /// <param name="countExpired">Told of every purged entry: true for one that held a value.</param>
    public MemoryShard(Action<bool> countExpired)
    {
        _index = new EntryIndex(_pages);
        Expiries = new ExpiryQueue(_pages);
        _onExpired = entry =>
        {
            countExpired(PayloadOf(entry)?.Value is not null);
            Forget(entry);
        };
    }

    public Lock Gate { get; } = new();

    public ExpiryQueue Expiries { get; }

    public int Count => _index.Count;

    public int ValueCount { get; private set; }

    /// <summary>Bytes of live records, and of freed space waiting for reuse.</summary>
    public (long Live, long Free) RecordBytes => (_pages.LiveBytes, _pages.FreeBytes);

    /// <summary>Spilled values that left the table under the lock; deleted after it is released.</summary>
    public List<SpilledValue>? Obsolete { get; set; }

    public EntryRecord? Find(ReadOnlySpan<byte> key, int hash)
    {
        var handle = _index.Find(key, hash);
        return handle == RecordPages.None ? null : new EntryRecord(_pages, handle);
    }

    public EntryPayload? PayloadOf(EntryRecord entry) =>
        entry.HasPayload ? _payloads[entry.Handle] : null;

    public EntryRecord Add(
        EntryKey key, int hash, OwnerId owner, long token, long expiresAtTicks, EntryPayload? payload)
    {
        var handle = _pages.Allocate(EntryRecord.LengthFor(key, owner));
        var entry = EntryRecord.Create(_pages, handle, key, owner, token, expiresAtTicks);
        _index.Add(hash, handle);
        SetPayload(entry, payload);
        Expiries.Add(entry);
        return entry;
    }

    public void SetValue(EntryRecord entry, object value)
    {
        var payload = PayloadOf(entry);
        if (payload?.Value is SpilledValue old)
        {
            (Obsolete ??= []).Add(old);
        }

        SetPayload(entry, new EntryPayload { Identity = payload?.Identity, Value = value });
    }

    /// <summary>Removes the entry; every record view of this shard is void afterwards.</summary>
    public void Remove(EntryRecord entry)
    {
        Expiries.Remove(entry);
        Forget(entry);
    }

    /// <summary>Removes up to <paramref name="max"/> expired entries; returns how many.</summary>
    public int PurgeExpired(long nowTicks, int max) => Expiries.PopExpired(nowTicks, max, _onExpired);

    public List<SpilledValue>? TakeObsolete()
    {
        var taken = Obsolete;
        Obsolete = null;
        return taken;
    }

    // Everything of an entry but its queue node, which the queue itself took or the caller did.
    private void Forget(EntryRecord entry)
    {
        _index.Remove(EntryIndex.Hash(entry.Key), entry.Handle);
        if (PayloadOf(entry)?.Value is SpilledValue spilled)
        {
            (Obsolete ??= []).Add(spilled);
        }

        SetPayload(entry, null);
        _pages.Free(entry.Handle, entry.Length);
        if (_pages.FreeBytes > CompactionFloor && _pages.FreeBytes > _pages.LiveBytes)
        {
            Compact();
        }
    }

    // Moves every live record into fresh pages, so space freed by records of sizes that never
    // came back is returned. Records keep their queue positions; index, queue and payloads are
    // pointed at the new handles.
    private void Compact()
    {
        var fresh = new RecordPages();
        var moved = new List<(int Handle, EntryPayload Payload)>(_payloads.Count);
        for (var slot = 0; slot < _index.Capacity; slot++)
        {
            var handle = _index.HandleAt(slot);
            if (handle == RecordPages.None)
            {
                continue;
            }

            var entry = new EntryRecord(_pages, handle);
            var copy = fresh.Allocate(entry.Length);
            entry.Bytes.CopyTo(fresh.Bytes(copy, entry.Length));
            _index.MoveAt(slot, copy);
            Expiries.MoveAt(entry.QueuePosition, copy);
            if (entry.HasPayload)
            {
                moved.Add((copy, _payloads[handle]));
            }
        }

        _pages.TakeOver(fresh);
        _payloads.Clear();
        foreach (var (handle, payload) in moved)
        {
            _payloads.Add(handle, payload);
        }
    }

    private void SetPayload(EntryRecord entry, EntryPayload? payload)
    {
        var hadValue = PayloadOf(entry)?.Value is not null;
        payload = payload is { Identity: null, Value: null } ? null : payload;
        if (payload is null)
        {
            _payloads.Remove(entry.Handle);
        }
        else
        {
            _payloads[entry.Handle] = payload;
        }

        entry.SetHasPayload(payload is not null);
        ValueCount += (payload?.Value is not null ? 1 : 0) - (hadValue ? 1 : 0);
    }
}
