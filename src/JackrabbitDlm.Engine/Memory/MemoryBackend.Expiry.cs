namespace JackrabbitDlm.Engine.Memory;

public sealed partial class MemoryBackend
{
    /// <summary>Purges every entry that has expired by now; the timer calls it, tests may too.</summary>
    public void Sweep()
    {
        foreach (var shard in _shards)
        {
            // Batches let requests in between: a million entries expiring together must not
            // stall a shard for the whole purge.
            int purged;
            do
            {
                List<SpilledValue>? obsolete;
                lock (shard.Gate)
                {
                    purged = shard.PurgeExpired(Now.Ticks, SweepBatch);
                    obsolete = shard.TakeObsolete();
                }

                DeleteAll(obsolete);
            }
            while (purged == SweepBatch);
        }
    }

    /// <summary>Nodes in all expiry queues: one per live entry, which tests check.</summary>
    internal int ExpiryNodeCount
    {
        get
        {
            var nodes = 0;
            foreach (var shard in _shards)
            {
                lock (shard.Gate)
                {
                    nodes += shard.Expiries.NodeCount;
                }
            }

            return nodes;
        }
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
