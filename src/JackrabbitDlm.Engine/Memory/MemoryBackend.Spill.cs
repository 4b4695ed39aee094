using JackrabbitDlm.Engine.Rules;

namespace JackrabbitDlm.Engine.Memory;

public sealed partial class MemoryBackend
{
    /// <summary>True when a Put's value goes to disk, by the spill policy (section 11).</summary>
    private bool ShouldSpill(EntryCommand command) =>
        _options.SpillStore is not null
        && _options.SpillPolicy.ShouldSpill(command.Value!.Length, command.Ttl, _options.Pressure.UsageOfThreshold);

    /// <summary>Writes a Put's value to disk.</summary>
    /// <returns>The spilled value, or null to keep it in memory when the write failed.</returns>
    private SpilledValue? TrySpill(EntryCommand command)
    {
        var store = _options.SpillStore!;
        var value = command.Value!;
        var record = new SpillRecord(
            command.Key, command.Owner, command.Identity, _time.GetUtcNow() + command.Ttl, value.Length);
        try
        {
            return store.Write(record, value.Utf8);
        }
        catch (IOException)
        {
            // A full or failing disk must not lose the write: the value stays in memory instead.
            return null;
        }
    }

    /// <summary>
    /// Puts the values an earlier run left on disk back into the table under their real keys.
    /// Their locks were in memory and are gone; the entries come back with new fencing tokens,
    /// which are larger than any handed out before the restart.
    /// </summary>
    private void RestoreSpilledValues()
    {
        var store = _options.SpillStore;
        if (store is null)
        {
            return;
        }

        var now = Now;
        var wallNow = _time.GetUtcNow();
        foreach (var (record, value) in store.LoadAll())
        {
            var remaining = record.ExpiresAtUtc - wallNow;
            var hash = EntryIndex.Hash(record.Key.Utf8);
            var shard = ShardOf(hash);
            if (remaining <= TimeSpan.Zero || shard.Find(record.Key.Utf8, hash) is not null)
            {
                store.Delete(value);
                continue;
            }

            var payload = new EntryPayload { Identity = record.Identity, Value = value };
            shard.Add(record.Key, hash, record.Owner, _tokens.Next(), (now + remaining).Ticks, payload);
        }
    }
}
