using System.Diagnostics;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// Finds expired entries without scanning the table: a binary min-heap of entry records ordered
/// by expiry, each record knowing its own position, so a renewal or removal moves just that
/// node. Purging costs O(log n) per expired entry however many are held, and the heap holds
/// exactly the live entries: one record handle each. Not thread-safe; its shard's lock guards it.
/// </summary>
internal sealed class ExpiryQueue
{
    private const int MinimumCapacity = 4;

    private readonly RecordPages _pages;
    private int[] _nodes = new int[MinimumCapacity];
    private int _count;

    public ExpiryQueue(RecordPages pages) => _pages = pages;

    public int NodeCount => _count;

    public void Add(EntryRecord entry)
    {
        Debug.Assert(entry.QueuePosition < 0, "an entry is queued once");
        if (_count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        Place(entry.Handle, _count++);
        SiftUp(_count - 1);
    }

    /// <summary>Restores the heap order after the entry's expiry changed.</summary>
    public void Update(EntryRecord entry)
    {
        var position = entry.QueuePosition;
        Debug.Assert(position >= 0 && _nodes[position] == entry.Handle, "the entry is queued");
        SiftUp(position);
        SiftDown(entry.QueuePosition);
    }

    public void Remove(EntryRecord entry)
    {
        var position = entry.QueuePosition;
        if (position < 0)
        {
            return;
        }

        RemoveAt(position);
    }

    /// <summary>Points a node at its record's new place after the shard moved the record.</summary>
    public void MoveAt(int position, int handle) => _nodes[position] = handle;

    /// <summary>
    /// Takes up to <paramref name="max"/> entries expired at <paramref name="nowTicks"/> out of
    /// the queue.
    /// </summary>
    /// <returns>How many entries were handed to <paramref name="onExpired"/>.</returns>
    public int PopExpired(long nowTicks, int max, Action<EntryRecord> onExpired)
    {
        var expired = 0;
        while (expired < max && _count > 0 && ExpiresAt(_nodes[0]) <= nowTicks)
        {
            var entry = Record(_nodes[0]);
            RemoveAt(0);
            onExpired(entry);
            expired++;
        }

        return expired;
    }

    private void RemoveAt(int position)
    {
        var removed = Record(_nodes[position]);
        var last = --_count;
        if (position != last)
        {
            Place(_nodes[last], position);
            SiftUp(position);
            SiftDown(Record(_nodes[position]).QueuePosition);
        }

        removed.SetQueuePosition(-1);

        // Give memory back after a burst: a shard that held many entries need not keep the array.
        if (_nodes.Length > MinimumCapacity * 4 && _count < _nodes.Length / 4)
        {
            Array.Resize(ref _nodes, _nodes.Length / 2);
        }
    }

    private void SiftUp(int position)
    {
        var handle = _nodes[position];
        var expiry = ExpiresAt(handle);
        while (position > 0)
        {
            var parent = (position - 1) / 2;
            if (ExpiresAt(_nodes[parent]) <= expiry)
            {
                break;
            }

            Place(_nodes[parent], position);
            position = parent;
        }

        Place(handle, position);
    }

    private void SiftDown(int position)
    {
        var handle = _nodes[position];
        var expiry = ExpiresAt(handle);
        while (true)
        {
            var child = (2 * position) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count
                && ExpiresAt(_nodes[child + 1]) < ExpiresAt(_nodes[child]))
            {
                child++;
            }

            if (ExpiresAt(_nodes[child]) >= expiry)
            {
                break;
            }

            Place(_nodes[child], position);
            position = child;
        }

        Place(handle, position);
    }

    private void Place(int handle, int position)
    {
        _nodes[position] = handle;
        Record(handle).SetQueuePosition(position);
    }

    private EntryRecord Record(int handle) => new(_pages, handle);

    private long ExpiresAt(int handle) => Record(handle).ExpiresAtTicks;
}
