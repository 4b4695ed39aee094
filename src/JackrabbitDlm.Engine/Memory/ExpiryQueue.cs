namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// Finds expired entries without scanning the table: a min-heap of entry records by expiry, so
/// purging costs O(log n) per expired entry however many are held. Not thread-safe; its shard's
/// lock guards it.
/// </summary>
/// <remarks>
/// An entry has one live node, at its <see cref="EntryRecord.ScheduledAtTicks"/>. A renewal that
/// moves the expiry later leaves the node where it is; when it comes due the entry is queued again
/// at its real expiry. Only an earlier expiry adds a node; the old one is then stale and dropped
/// when it surfaces, as are the nodes of removed entries. The heap is rebuilt when stale nodes
/// dominate, so lock/unlock churn cannot grow it without bound.
/// </remarks>
internal sealed class ExpiryQueue
{
    private const int RebuildSlack = 64;

    private PriorityQueue<byte[], long> _heap = new();

    public int NodeCount => _heap.Count;

    /// <summary>Makes sure the entry's node fires no later than its expiry.</summary>
    public void Schedule(EntryRecord entry)
    {
        var scheduled = entry.ScheduledAtTicks;
        var expiresAt = entry.ExpiresAtTicks;
        if (scheduled != EntryRecord.NotScheduled && scheduled <= expiresAt)
        {
            return;
        }

        entry.ScheduledAtTicks = expiresAt;
        _heap.Enqueue(entry.Bytes, expiresAt);
    }

    /// <summary>Hands up to <paramref name="max"/> entries expired at <paramref name="nowTicks"/> to <paramref name="onExpired"/>.</summary>
    /// <returns>How many entries expired.</returns>
    public int PopExpired(long nowTicks, int max, Action<EntryRecord> onExpired)
    {
        var expired = 0;
        while (expired < max && _heap.TryPeek(out var bytes, out var at) && at <= nowTicks)
        {
            _heap.Dequeue();
            var entry = new EntryRecord(bytes);
            if (entry.IsRemoved || at != entry.ScheduledAtTicks)
            {
                continue;
            }

            if (entry.ExpiresAtTicks > nowTicks)
            {
                // Renewed since it was queued: queue it again at its real expiry.
                entry.ScheduledAtTicks = entry.ExpiresAtTicks;
                _heap.Enqueue(bytes, entry.ExpiresAtTicks);
                continue;
            }

            entry.ScheduledAtTicks = EntryRecord.NotScheduled;
            onExpired(entry);
            expired++;
        }

        return expired;
    }

    /// <summary>Rebuilds the heap from the live entries when stale nodes outnumber them.</summary>
    public void CompactIfMostlyStale(IReadOnlyCollection<byte[]> liveEntries)
    {
        if (_heap.Count <= (2 * liveEntries.Count) + RebuildSlack)
        {
            return;
        }

        var rebuilt = new PriorityQueue<byte[], long>(liveEntries.Count);
        foreach (var bytes in liveEntries)
        {
            var entry = new EntryRecord(bytes);
            entry.ScheduledAtTicks = entry.ExpiresAtTicks;
            rebuilt.Enqueue(bytes, entry.ExpiresAtTicks);
        }

        _heap = rebuilt;
    }
}
