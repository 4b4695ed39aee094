using System.Diagnostics;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// One slice of the memory backend's table, with its own lock and expiry queue. Keys are spread
/// over many shards so that requests on different keys rarely wait for each other, and so that
/// no shard's arrays grow large enough to land on the large-object heap, which the runtime
/// rarely compacts (a million entries in one table would leave tens of megabytes stranded).
/// </summary>
internal sealed class MemoryShard
{
    private readonly HashSet<byte[]> _entries = new(EntryRecordComparer.Instance);
    private readonly HashSet<byte[]>.AlternateLookup<ReadOnlySpan<byte>> _byKey;

    // Identities and values, for the few entries that have them; keyed by the record array itself.
    private readonly Dictionary<byte[], EntryPayload> _payloads = new(ReferenceEqualityComparer.Instance);
    private readonly Action<EntryRecord> _onExpired;

    /// <param name="countExpired">Told of every purged entry: true for one that held a value.</param>
    public MemoryShard(Action<bool> countExpired)
    {
        _byKey = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        _onExpired = entry =>
        {
            countExpired(PayloadOf(entry)?.Value is not null);
            Remove(entry);
        };
    }

    public Lock Gate { get; } = new();

    public ExpiryQueue Expiries { get; } = new();

    public int Count => _entries.Count;

    public int ValueCount { get; private set; }

    /// <summary>Spilled values that left the table under the lock; deleted after it is released.</summary>
    public List<SpilledValue>? Obsolete { get; set; }

    public EntryRecord? Find(ReadOnlySpan<byte> key) =>
        _byKey.TryGetValue(key, out var bytes) ? new EntryRecord(bytes) : null;

    public EntryPayload? PayloadOf(EntryRecord entry) =>
        entry.HasPayload ? _payloads[entry.Bytes] : null;

    public EntryRecord Add(EntryKey key, OwnerId owner, long token, long expiresAtTicks, EntryPayload? payload)
    {
        var entry = EntryRecord.Create(key, owner, token, expiresAtTicks);
        var added = _entries.Add(entry.Bytes);
        Debug.Assert(added, "the rules create only entries that are absent");
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

    public void Remove(EntryRecord entry)
    {
        _entries.Remove(entry.Bytes);
        if (PayloadOf(entry)?.Value is SpilledValue spilled)
        {
            (Obsolete ??= []).Add(spilled);
        }

        SetPayload(entry, null);
        Expiries.Remove(entry);
    }

    /// <summary>Removes up to <paramref name="max"/> expired entries; returns how many.</summary>
    public int PurgeExpired(long nowTicks, int max) => Expiries.PopExpired(nowTicks, max, _onExpired);

    public List<SpilledValue>? TakeObsolete()
    {
        var taken = Obsolete;
        Obsolete = null;
        return taken;
    }

    private void SetPayload(EntryRecord entry, EntryPayload? payload)
    {
        var hadValue = PayloadOf(entry)?.Value is not null;
        payload = payload is { Identity: null, Value: null } ? null : payload;
        if (payload is null)
        {
            _payloads.Remove(entry.Bytes);
        }
        else
        {
            _payloads[entry.Bytes] = payload;
        }

        entry.HasPayload = payload is not null;
        ValueCount += (payload?.Value is not null ? 1 : 0) - (hadValue ? 1 : 0);
    }
}
