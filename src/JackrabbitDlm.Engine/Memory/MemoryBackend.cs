using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Tokens;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// The default backend: entries in this process's memory, spread over shards that each have their
/// own lock, with large long-lived values optionally on disk. Every action is a few hash and heap
/// operations under one shard's lock. Expiry runs on the monotonic clock of the TimeProvider, so
/// a wall-clock jump neither frees nor extends anything.
/// </summary>
public sealed partial class MemoryBackend : IEntryBackend
{
    // 512 shards keep every shard's arrays on the small-object heap up to about two million
    // entries; see MemoryShard.
    private const int ShardCount = 512;

    // Expired entries purged inline per request, so a busy server never lets them pile up
    // between sweeps; the sweep does the rest in batches of SweepBatch per shard.
    private const int PurgePerRequest = 4;
    private const int SweepBatch = 1024;

    private readonly MemoryShard[] _shards = new MemoryShard[ShardCount];
    private readonly MemoryBackendOptions _options;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly FencingTokenSource _tokens;
    private readonly CounterSet _counters;
    private readonly ITimer _sweeper;

    public MemoryBackend(MemoryBackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = options.Time;
        _origin = _time.GetTimestamp();
        _tokens = new FencingTokenSource(options.TokenReservations);
        _counters = options.Counters;
        for (var i = 0; i < _shards.Length; i++)
        {
            _shards[i] = new MemoryShard(CountExpired);
        }

        RestoreSpilledValues();
        _sweeper = _time.CreateTimer(_ => Sweep(), null, options.SweepInterval, options.SweepInterval);
    }

    public string Name => "memory";

    /// <summary>The current time on this backend's monotonic clock.</summary>
    public TimeSpan Now => _time.GetElapsedTime(_origin);

    public EntryCounts CountEntries()
    {
        long entries = 0;
        long values = 0;
        foreach (var shard in _shards)
        {
            lock (shard.Gate)
            {
                entries += shard.Count;
                values += shard.ValueCount;
            }
        }

        return new EntryCounts(entries - values, values);
    }

    public ValueTask<ActionResult> ExecuteAsync(
        EntryCommand command, bool overloaded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);

        // A value bound for disk is written before taking the lock, on the thread pool, so slow
        // I/O never holds up other requests or the thread that called; if the rules then refuse
        // the Put, the new file is deleted again.
        if (command.Action == DlmAction.Put && !overloaded && ShouldSpill(command))
        {
            return ExecuteSpilledAsync(command);
        }

        return ValueTask.FromResult(Execute(command, overloaded, spilled: null));
    }

    private async ValueTask<ActionResult> ExecuteSpilledAsync(EntryCommand command)
    {
        var spilled = await Task.Run(() => TrySpill(command)).ConfigureAwait(false);
        return Execute(command, overloaded: false, spilled);
    }

    private ActionResult Execute(EntryCommand command, bool overloaded, SpilledValue? spilled)
    {
        var hash = EntryIndex.Hash(command.Key.Utf8);
        var shard = ShardOf(hash);
        ActionResult result;
        List<SpilledValue>? obsolete;
        lock (shard.Gate)
        {
            result = ExecuteLocked(shard, hash, command, overloaded, spilled);
            obsolete = shard.TakeObsolete();
        }

        DeleteAll(obsolete);
        return result;
    }

    public ValueTask DisposeAsync()
    {
        _sweeper.Dispose();
        return ValueTask.CompletedTask;
    }

    private MemoryShard ShardOf(int hash) => _shards[(uint)hash % ShardCount];

    private ActionResult ExecuteLocked(
        MemoryShard shard, int hash, EntryCommand command, bool overloaded, SpilledValue? spilled)
    {
        var now = Now;
        shard.PurgeExpired(now.Ticks, PurgePerRequest);

        var entry = shard.Find(command.Key.Utf8, hash);
        var payload = entry is { } found ? shard.PayloadOf(found) : null;
        var decision = EntryRules.Decide(command, entry?.View(payload), now, overloaded);
        if (decision.PurgeExpired && entry is { } expired)
        {
            CountExpired(payload?.Value is not null);
            shard.Remove(expired);
            entry = null;
        }

        var stored = spilled is not null && decision.Change is EntryChange.Create or EntryChange.ReplaceValue;
        if (spilled is not null && !stored)
        {
            (shard.Obsolete ??= []).Add(spilled);
        }

        object? value = stored ? spilled : decision.Value;
        return Apply(shard, hash, command, decision, entry, payload, value);
    }

    private ActionResult Apply(
        MemoryShard shard, int hash, EntryCommand command, EntryDecision decision, EntryRecord? entry,
        EntryPayload? payload, object? value)
    {
        // Read before a Delete: a removed record's bytes may be reused at once.
        var token = entry?.Token ?? 0;
        switch (decision.Change)
        {
            case EntryChange.Create:
                var newPayload = command.Identity is null && value is null
                    ? null
                    : new EntryPayload { Identity = command.Identity, Value = value };
                entry = shard.Add(
                    command.Key, hash, command.Owner, _tokens.Next(), decision.ExpiresAt.Ticks, newPayload);
                token = entry.Value.Token;
                CountPut(value);
                break;
            case EntryChange.Extend:
                Reschedule(shard, entry!.Value, decision.ExpiresAt);
                break;
            case EntryChange.ReplaceValue:
                shard.SetValue(entry!.Value, value!);
                Reschedule(shard, entry.Value, decision.ExpiresAt);
                CountPut(value);
                break;
            case EntryChange.Delete:
                shard.Remove(entry!.Value);
                break;
        }

        if (decision.Outcome == ActionOutcome.GotValue)
        {
            return ReadValue(entry!.Value, payload!);
        }

        return new ActionResult(decision.Outcome, token);
    }

    private static void Reschedule(MemoryShard shard, EntryRecord entry, TimeSpan expiresAt)
    {
        entry.SetExpiresAtTicks(expiresAt.Ticks);
        shard.Expiries.Update(entry);
    }

    private ActionResult ReadValue(EntryRecord entry, EntryPayload payload)
    {
        // Spilled values are read under the lock: a concurrent Put could otherwise delete the
        // file between our lookup and our read, and the reader would see Corruption.
        var bytes = payload.Value switch
        {
            EntryValue inMemory => inMemory.Utf8,
            SpilledValue onDisk => _options.SpillStore?.TryRead(onDisk),
            _ => null,
        };
        return bytes is null
            ? new ActionResult(ActionOutcome.Corruption)
            : new ActionResult(ActionOutcome.GotValue, entry.Token, bytes);
    }

    private void CountPut(object? value)
    {
        if (value is not null)
        {
            _counters.Increment(value is SpilledValue ? Counter.PutDisk : Counter.PutMemory);
        }
    }

    private void CountExpired(bool hadValue) =>
        _counters.Increment(hadValue ? Counter.ExpiredData : Counter.ExpiredLock);
}
