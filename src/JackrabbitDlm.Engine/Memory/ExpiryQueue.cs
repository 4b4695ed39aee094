using System.Diagnostics;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// Finds expired entries without scanning the table: a min-heap of entries by expiry, so purging
/// costs O(log n) per expired entry however many are held. Not thread-safe; the backend's lock
/// guards it.
/// </summary>
/// <remarks>
/// An entry has one live node, at <see cref="MemoryEntry.ScheduledAtTicks"/>. A renewal that moves
/// the expiry later leaves the node where it is; when it comes due the entry is re-queued at its
/// real expiry. Only an earlier expiry adds a node; the old one is then stale and dropped when it
/// surfaces, as are the nodes of removed entries. The heap is rebuilt when stale nodes dominate.
/// </remarks>
internal sealed class ExpiryQueue
{
    private const int RebuildSlack = 1024;

    private PriorityQueue<MemoryEntry, long> _heap = new();

    public int NodeCount => _heap.Count;

    /// <summary>Makes sure the entry's node fires no later than its expiry.</summary>
    public void Schedule(MemoryEntry entry)
    {
        var scheduled = entry.ScheduledAtTicks;
        if (scheduled != MemoryEntry.NotScheduled && scheduled <= entry.ExpiresAtTicks)
        {
            return;
        }

        entry.ScheduledAtTicks = entry.ExpiresAtTicks;
        _heap.Enqueue(entry, entry.ExpiresAtTicks);
    }

    /// <summary>Removes up to <paramref name="max"/> entries that expired at or before <paramref name="nowTicks"/>.</summary>
    /// <returns>The number of expired entries handed to <paramref name="onExpired"/>.</returns>
    public int PopExpired(long nowTicks, int max, Action<MemoryEntry> onExpired)
    {
        var expired = 0;
        while (expired < max && _heap.TryPeek(out var entry, out var at) && at <= nowTicks)
        {
            _heap.Dequeue();
            if (entry.IsRemoved || at != entry.ScheduledAtTicks)
            {
                continue;
            }

            if (entry.ExpiresAtTicks > nowTicks)
            {
                // Renewed since it was queued: queue it again at its real expiry.
                entry.ScheduledAtTicks = entry.ExpiresAtTicks;
                _heap.Enqueue(entry, entry.ExpiresAtTicks);
                continue;
            }

            entry.ScheduledAtTicks = MemoryEntry.NotScheduled;
            onExpired(entry);
            expired++;
        }

        return expired;
    }

    /// <summary>Rebuilds the heap from the live entries when stale nodes outnumber them.</summary>
    public void CompactIfMostlyStale(IReadOnlyCollection<MemoryEntry> liveEntries)
    {
        if (_heap.Count <= (2 * liveEntries.Count) + RebuildSlack)
        {
            return;
        }

        var rebuilt = new PriorityQueue<MemoryEntry, long>(liveEntries.Count);
        foreach (var entry in liveEntries)
        {
            entry.ScheduledAtTicks = entry.ExpiresAtTicks;
            rebuilt.Enqueue(entry, entry.ExpiresAtTicks);
        }

        _heap = rebuilt;
        Debug.Assert(_heap.Count == liveEntries.Count, "one node per live entry after a rebuild");
    }
}
