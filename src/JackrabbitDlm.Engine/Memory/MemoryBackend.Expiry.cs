namespace JackrabbitDlm.Engine.Memory;

public sealed partial class MemoryBackend
{
    /// <summary>Nodes in the expiry queue, stale ones included, so tests can bound its growth.</summary>
    internal int ExpiryNodeCount
    {
        get
        {
            lock (_gate)
            {
                return _expiries.NodeCount;
            }
        }
    }

    /// <summary>Purges every entry that has expired by now; the timer calls it, tests may too.</summary>
    public void Sweep()
    {
        while (true)
        {
            int purged;
            List<SpilledValue>? obsolete;
            lock (_gate)
            {
                purged = _expiries.PopExpired(Now.Ticks, SweepBatch, _purge);
                _expiries.CompactIfMostlyStale(_entries);
                obsolete = TakeObsolete();
            }

            DeleteAll(obsolete);

            // Let requests in between batches: a million entries expiring together must not
            // stall the server for the whole purge.
            if (purged < SweepBatch)
            {
                return;
            }
        }
    }

    private List<SpilledValue>? TakeObsolete()
    {
        var taken = _obsolete;
        _obsolete = null;
        return taken;
    }

    private void DeleteAll(List<SpilledValue>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            _options.SpillStore!.Delete(value);
        }
    }
}
