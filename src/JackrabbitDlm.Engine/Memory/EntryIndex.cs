using System.Diagnostics;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// A shard's map from key to record: open addressing with linear probing over one array of
/// 8-byte slots, each holding the key's hash beside the record's handle. Probes compare hashes
/// inside the array and read a record only when the hash matches, so a lookup touches one or
/// two cache lines of slots and usually one record. Removal shifts the following slots back
/// rather than leaving markers, so lookups never slow down with churn.
/// Not thread-safe: the shard's lock guards it.
/// </summary>
internal sealed class EntryIndex
{
    private const int MinimumBits = 3;

    private readonly RecordPages _pages;
    private long[] _slots = new long[1 << MinimumBits];
    private int _bits = MinimumBits;

    public EntryIndex(RecordPages pages) => _pages = pages;

    public int Count { get; private set; }

    /// <summary>How many slots there are, for walking them with <see cref="HandleAt"/>.</summary>
    public int Capacity => _slots.Length;

    /// <summary>The key's hash; HashCode is seeded per process, so clients cannot pick colliding keys.</summary>
    public static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = default(HashCode);
        hash.AddBytes(key);
        return hash.ToHashCode();
    }

    /// <summary>The handle of the record with this key, or <see cref="RecordPages.None"/>.</summary>
    public int Find(ReadOnlySpan<byte> key, int hash)
    {
        var mask = _slots.Length - 1;
        for (var i = Home(hash); ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                return RecordPages.None;
            }

            if (HashOf(slot) == hash && new EntryRecord(_pages, HandleOf(slot)).Key.SequenceEqual(key))
            {
                return HandleOf(slot);
            }
        }
    }

    /// <summary>Adds a record whose key is not in the index.</summary>
    public void Add(int hash, int handle)
    {
        // At most three quarters full, so that a miss ends after a few slots.
        if ((Count + 1) * 4L > _slots.Length * 3L)
        {
            Resize(_bits + 1);
        }

        Place(Slot(hash, handle));
        Count++;
    }

    public void Remove(int hash, int handle)
    {
        var mask = _slots.Length - 1;
        var wanted = Slot(hash, handle);
        var hole = Home(hash);
        while (_slots[hole] != wanted)
        {
            Debug.Assert(_slots[hole] != 0, "only indexed records are removed");
            hole = (hole + 1) & mask;
        }

        // Move back every later slot of the run that may sit at the hole: one whose home is not
        // cyclically between the hole and itself.
        for (var next = (hole + 1) & mask; _slots[next] != 0; next = (next + 1) & mask)
        {
            var home = Home(HashOf(_slots[next]));
            var staysPut = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!staysPut)
            {
                _slots[hole] = _slots[next];
                hole = next;
            }
        }

        _slots[hole] = 0;
        Count--;

        // Give memory back after a burst, keeping room so that adding one entry does not resize.
        if (_bits > MinimumBits && Count * 8L < _slots.Length)
        {
            Resize(_bits - 1);
        }
    }

    /// <summary>The handle in slot <paramref name="index"/>, or <see cref="RecordPages.None"/>.</summary>
    public int HandleAt(int index) => _slots[index] == 0 ? RecordPages.None : HandleOf(_slots[index]);

    /// <summary>Points a slot at the record's new place after the shard moved it.</summary>
    public void MoveAt(int index, int handle) => _slots[index] = Slot(HashOf(_slots[index]), handle);

    private void Resize(int bits)
    {
        var old = _slots;
        _slots = new long[1 << bits];
        _bits = bits;
        foreach (var slot in old)
        {
            if (slot != 0)
            {
                Place(slot);
            }
        }
    }

    private void Place(long slot)
    {
        var mask = _slots.Length - 1;
        var i = Home(HashOf(slot));
        while (_slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        _slots[i] = slot;
    }

    // The shard was chosen by the hash's low bits, so the slot comes from all of them, mixed by a
    // multiplication whose top bits depend on every bit of the hash.
    private int Home(int hash) => (int)(((uint)hash * 2654435769u) >> (32 - _bits));

    // A slot is never 0 when used: the handle is stored plus one.
    private static long Slot(int hash, int handle) => ((long)hash << 32) | (uint)(handle + 1);

    private static int HashOf(long slot) => (int)(slot >> 32);

    private static int HandleOf(long slot) => (int)(uint)slot - 1;
}
