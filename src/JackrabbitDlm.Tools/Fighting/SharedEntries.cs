using System.Globalization;
using JackrabbitDlm.Client;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Tools.Fighting;

/// <summary>
/// The counter and fence entries every fighter of a war shares, under one owner id, and the
/// checks that catch broken mutual exclusion on them. Used only while holding the lock.
/// </summary>
internal sealed class SharedEntries : IDisposable
{
    private readonly FightOptions _options;
    private readonly FightTally _tally;
    private readonly string _tag;
    private readonly Locker _counter;
    private readonly Locker _fence;

    public SharedEntries(FightOptions options, FightTally tally, string tag)
    {
        _options = options;
        _tally = tally;
        _tag = tag;
        var data = FighterClients.Options(options, options.EffectiveDataOwnerId, retryCount: 3);
        _counter = new Locker(options.CounterKey, data);
        _fence = new Locker(options.FenceKey, data);
    }

    /// <summary>Reads the counter; an absent counter is 0.</summary>
    public async Task<long> ReadCounterAsync(CancellationToken cancellationToken)
    {
        var reply = Check(await _counter.GetAsync(cancellationToken).ConfigureAwait(false), _counter);
        _tally.Reads++;
        if (reply.Is(DlmStatus.NotFound))
        {
            return 0;
        }

        if (!reply.Is(DlmStatus.Done)
            || !long.TryParse(reply.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new FightAbortedException(
                $"the counter {_options.CounterKey} holds no number ({reply.StatusWord})");
        }

        return value;
    }

    public async Task WriteCounterAsync(long value, CancellationToken cancellationToken)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var reply = await _counter.PutAsync(_options.DataTtl, text, cancellationToken).ConfigureAwait(false);
        ExpectDone(Check(reply, _counter), _counter);
        _tally.Writes++;
    }

    /// <summary>
    /// On taking the lock: tokens grow with every grant, so a fence written by another holder
    /// with a token not below this one means that holder came in before this one's critical
    /// section began, or got the same token. Then this holder writes its own token.
    /// </summary>
    public async Task OpenFenceAsync(long token, CancellationToken cancellationToken)
    {
        var found = await ReadFenceAsync(cancellationToken).ConfigureAwait(false);
        if (found is { } last && last.Token >= token && last.Tag != _tag)
        {
            _tally.Violations.Add(new Violation(
                ViolationKind.Overlap,
                $"took the lock with token {token}, but {last.Tag} had written the token "
                    + $"{last.Token} already"));
        }

        var record = new FencingRecord(token, _tag).Format();
        var reply = await _fence.PutAsync(_options.DataTtl, record, cancellationToken).ConfigureAwait(false);
        ExpectDone(Check(reply, _fence), _fence);
        _tally.Writes++;
    }

    /// <summary>
    /// Before releasing the lock: the fence must still hold this holder's token, or someone wrote
    /// theirs while this one believed it held the lock.
    /// </summary>
    public async Task CloseFenceAsync(long token, CancellationToken cancellationToken)
    {
        var expected = new FencingRecord(token, _tag);
        var found = await ReadFenceAsync(cancellationToken).ConfigureAwait(false);
        if (found != expected)
        {
            var what = found is { } other ? $"token {other.Token} of {other.Tag}" : "nothing";
            _tally.Violations.Add(new Violation(
                ViolationKind.Overlap,
                $"held the lock with token {token}, but the fence held {what} before release"));
        }
    }

    public void Dispose()
    {
        _counter.Dispose();
        _fence.Dispose();
    }

    private async Task<FencingRecord?> ReadFenceAsync(CancellationToken cancellationToken)
    {
        var reply = Check(await _fence.GetAsync(cancellationToken).ConfigureAwait(false), _fence);
        _tally.Reads++;
        if (reply.Is(DlmStatus.NotFound))
        {
            return null;
        }

        if (!reply.Is(DlmStatus.Done) || !FencingRecord.TryParse(reply.Value, out var record))
        {
            throw new FightAbortedException(
                $"the fence {_options.FenceKey} holds no fencing record ({reply.StatusWord})");
        }

        return record;
    }

    // Another owner on a shared entry means fighters were started with different data owner ids:
    // the fight cannot work at all then.
    private static LockerResult Check(LockerResult reply, Locker locker)
    {
        if (reply.IsFailure)
        {
            throw new RoundAbandonedException(
                $"no answer for {locker.EntryKey}: {reply.Error}");
        }

        if (reply.Is(DlmStatus.NotOwner))
        {
            throw new FightAbortedException(
                $"{locker.EntryKey} belongs to another owner; every fighter needs the same data id");
        }

        return reply;
    }

    private static void ExpectDone(LockerResult reply, Locker locker)
    {
        if (!reply.Is(DlmStatus.Done))
        {
            throw new FightAbortedException(
                $"the server answered {reply.StatusWord} to Put of {locker.EntryKey}");
        }
    }
}
