namespace JackrabbitDlm.Engine.Statistics;

/// <summary>The statistics counters of one server; thread-safe, lock-free.</summary>
public sealed class CounterSet
{
    private readonly long[] _values = new long[Enum.GetValues<Counter>().Length];

    public void Increment(Counter counter) => Interlocked.Increment(ref _values[(int)counter]);

    public void Add(Counter counter, long amount) => Interlocked.Add(ref _values[(int)counter], amount);

    public void Decrement(Counter counter) => Interlocked.Decrement(ref _values[(int)counter]);

    /// <summary>Sets a gauge.</summary>
    public void Set(Counter counter, long value) => Interlocked.Exchange(ref _values[(int)counter], value);

    /// <summary>Raises a gauge to <paramref name="value"/> if it is higher.</summary>
    public void RaiseTo(Counter counter, long value)
    {
        ref var slot = ref _values[(int)counter];
        var seen = Interlocked.Read(ref slot);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref slot, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    public long Get(Counter counter) => Interlocked.Read(ref _values[(int)counter]);

    /// <summary>The non-zero counters, sorted by name (ordinal), as the statistics line lists them.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> NonZero()
    {
        var list = new List<KeyValuePair<string, long>>();
        foreach (var counter in Enum.GetValues<Counter>())
        {
            var value = Get(counter);
            if (value != 0)
            {
                list.Add(new(counter.ToString(), value));
            }
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }
}
