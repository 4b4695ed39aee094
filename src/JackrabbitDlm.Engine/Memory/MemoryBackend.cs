using System.Diagnostics;
using JackrabbitDlm.Engine.Backends;
using JackrabbitDlm.Engine.Entries;
using JackrabbitDlm.Engine.Rules;
using JackrabbitDlm.Engine.Statistics;
using JackrabbitDlm.Engine.Tokens;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// The default backend: entries in one process's memory, large long-lived values optionally on
/// disk. One lock guards the table; every action is a few hash and heap operations under it.
/// </summary>
public sealed partial class MemoryBackend : IEntryBackend
{
    // Expired entries purged inline per request, so a busy server never lets them pile up
    // between sweeps; the sweep does the rest in batches of SweepBatch.
    private const int PurgePerRequest = 8;
    private const int SweepBatch = 4096;

    private readonly Lock _gate = new();
    private readonly HashSet<MemoryEntry> _entries = new(MemoryEntryComparer.Instance);
    private readonly HashSet<MemoryEntry>.AlternateLookup<ReadOnlySpan<byte>> _byKey;
    private readonly ExpiryQueue _expiries = new();
    private readonly MemoryBackendOptions _options;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly FencingTokenSource _tokens;
    private readonly CounterSet _counters;
    private readonly ITimer _sweeper;
    private readonly Action<MemoryEntry> _purge;
    private long _valueCount;

    // Spilled values that left the table under the lock; deleted from disk after it is released.
    private List<SpilledValue>? _obsolete;

    public MemoryBackend(MemoryBackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = options.Time;
        _origin = _time.GetTimestamp();
        _tokens = new FencingTokenSource(options.TokenReservations);
        _counters = options.Counters;
        _byKey = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        _purge = entry => Remove(entry, expired: true);
        RestoreSpilledValues();
        _sweeper = _time.CreateTimer(_ => Sweep(), null, options.SweepInterval, options.SweepInterval);
    }

    public string Name => "memory";

    /// <summary>The current time on this backend's monotonic clock.</summary>
    public TimeSpan Now => _time.GetElapsedTime(_origin);

    public EntryCounts CountEntries()
    {
        lock (_gate)
        {
            return new EntryCounts(_entries.Count - _valueCount, _valueCount);
        }
    }

    public ValueTask<ActionResult> ExecuteAsync(EntryCommand command, bool overloaded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);

        // A value bound for disk is written before taking the lock, so slow I/O never holds up
        // other requests; if the rules then refuse the Put, the new file is deleted again.
        var spilled = command.Action == DlmAction.Put && !overloaded ? TrySpill(command) : null;
        ActionResult result;
        List<SpilledValue>? obsolete;
        lock (_gate)
        {
            result = Execute(command, overloaded, spilled);
            obsolete = TakeObsolete();
        }

        DeleteAll(obsolete);
        return ValueTask.FromResult(result);
    }

    public ValueTask DisposeAsync()
    {
        _sweeper.Dispose();
        return ValueTask.CompletedTask;
    }

    private ActionResult Execute(EntryCommand command, bool overloaded, SpilledValue? spilled)
    {
        var now = Now;
        _expiries.PopExpired(now.Ticks, PurgePerRequest, _purge);

        _byKey.TryGetValue(command.Key.Utf8, out var entry);
        var decision = EntryRules.Decide(command, entry?.View(), now, overloaded);
        if (decision.PurgeExpired && entry is not null)
        {
            Remove(entry, expired: true);
            entry = null;
        }

        var stored = spilled is not null && decision.Change is EntryChange.Create or EntryChange.ReplaceValue;
        if (spilled is not null && !stored)
        {
            (_obsolete ??= []).Add(spilled);
        }

        object? value = stored ? spilled : decision.Value;
        return Apply(command, decision, entry, value);
    }

    private ActionResult Apply(EntryCommand command, EntryDecision decision, MemoryEntry? entry, object? value)
    {
        switch (decision.Change)
        {
            case EntryChange.Create:
                entry = Create(command, decision.ExpiresAt, value);
                CountPut(value);
                break;
            case EntryChange.Extend:
                entry!.ExpiresAtTicks = decision.ExpiresAt.Ticks;
                _expiries.Schedule(entry);
                break;
            case EntryChange.ReplaceValue:
                ReplaceValue(entry!, decision.ExpiresAt, value!);
                CountPut(value);
                break;
            case EntryChange.Delete:
                Remove(entry!, expired: false);
                break;
        }

        if (decision.Outcome == ActionOutcome.GotValue)
        {
            return ReadValue(entry!);
        }

        return new ActionResult(decision.Outcome, entry?.Token ?? 0);
    }

    private MemoryEntry Create(EntryCommand command, TimeSpan expiresAt, object? value)
    {
        var entry = new MemoryEntry(command.Key, command.Owner)
        {
            Payload = EntryPayload.For(command.Identity, value),
            ExpiresAtTicks = expiresAt.Ticks,
            Token = _tokens.Next(),
        };
        var added = _entries.Add(entry);
        Debug.Assert(added, "the rules create only entries that are absent");
        _valueCount += entry.HasValue ? 1 : 0;
        _expiries.Schedule(entry);
        return entry;
    }

    private void ReplaceValue(MemoryEntry entry, TimeSpan expiresAt, object value)
    {
        if (entry.Payload?.Value is SpilledValue old)
        {
            (_obsolete ??= []).Add(old);
        }

        _valueCount += entry.HasValue ? 0 : 1;
        entry.Payload ??= new EntryPayload();
        entry.Payload.Value = value;
        entry.ExpiresAtTicks = expiresAt.Ticks;
        _expiries.Schedule(entry);
    }

    private void Remove(MemoryEntry entry, bool expired)
    {
        _entries.Remove(entry);
        entry.MarkRemoved();
        if (entry.HasValue)
        {
            _valueCount--;
        }

        if (entry.Payload?.Value is SpilledValue spilled)
        {
            (_obsolete ??= []).Add(spilled);
        }

        if (expired)
        {
            _counters.Increment(entry.HasValue ? Counter.ExpiredData : Counter.ExpiredLock);
        }
    }

    private ActionResult ReadValue(MemoryEntry entry)
    {
        // Spilled values are read under the lock: a concurrent Put could otherwise delete the
        // file between our lookup and our read, and the reader would see Corruption.
        var bytes = entry.Payload!.Value switch
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
}
