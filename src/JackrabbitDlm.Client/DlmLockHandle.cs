using JackrabbitDlm.Client.Transport;
using JackrabbitDlm.Protocol.Wire;
using Medallion.Threading;

namespace JackrabbitDlm.Client;

/// <summary>
/// A lock this process holds: its lease, its fencing token, renewal, and a token that fires when
/// the lock is lost. Disposing it releases the lock; disposing again does nothing.
/// </summary>
/// <remarks>
/// Thread-safe. The lock counts as lost when a renewal is answered by another owner, or when
/// <see cref="ExpiresAt"/> passes without a successful renewal; a lost lock stays lost.
/// </remarks>
public sealed class DlmLockHandle : IDistributedSynchronizationHandle
{
    private readonly DlmTransport _transport;
    private readonly TimeSpan _ttl;
    private readonly CancellationTokenSource _lost;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource? _renewalStop;
    private readonly Task? _renewal;
    private long _expiresAtUtcTicks;
    private string? _lostReason;
    private int _released;

    internal DlmLockHandle(
        DlmTransport transport,
        string entryKey,
        string ownerId,
        TimeSpan ttl,
        DateTimeOffset expiresAt,
        long? fencingToken,
        DlmLockOptions options)
    {
        _transport = transport;
        EntryKey = entryKey;
        OwnerId = ownerId;
        FencingToken = fencingToken;
        _ttl = ttl;
        _expiresAtUtcTicks = expiresAt.UtcTicks;
        _lost = new CancellationTokenSource(Remaining(expiresAt), Time);
        LostToken = _lost.Token;
        LostToken.Register(static state => ((DlmLockHandle)state!).LogLoss(), this);

        if (options.AutoRenew)
        {
            var cadence = options.RenewalCadence ?? ttl / 3;
            _renewalStop = new CancellationTokenSource();
            _renewal = Task.Run(() => RenewLoopAsync(cadence, _renewalStop.Token));
        }
    }

    /// <summary>The lock's entry key.</summary>
    public string EntryKey { get; }

    /// <summary>The owner id the lock is held under.</summary>
    public string OwnerId { get; }

    /// <summary>
    /// The server's fencing token for this lock (reply field <c>Token</c>): larger than the token
    /// of any earlier holder. Null when the server sends none (the original server does not).
    /// </summary>
    public long? FencingToken { get; }

    /// <summary>
    /// When the lease ends unless renewed (UTC). Measured from when the request was sent, so it is
    /// never later than the server's own expiry.
    /// </summary>
    public DateTimeOffset ExpiresAt => new(Volatile.Read(ref _expiresAtUtcTicks), TimeSpan.Zero);

    /// <summary>
    /// Fires when the lock is lost; it does not fire when the handle is disposed.
    /// </summary>
    public CancellationToken LostToken { get; }

    /// <summary>True once the lock is lost.</summary>
    public bool IsLost => LostToken.IsCancellationRequested;

    /// <inheritdoc cref="LostToken"/>
    CancellationToken IDistributedSynchronizationHandle.HandleLostToken => LostToken;

    private TimeProvider Time => _transport.Settings.Time;

    /// <summary>Extends the lease to <paramref name="ttl"/> from now.</summary>
    /// <param name="ttl">The new TTL; null for the TTL the lock was acquired with.</param>
    /// <param name="cancellationToken">Cancels the request and its retries.</param>
    /// <returns>
    /// True when extended; false when the lock is lost (and <see cref="LostToken"/> has fired).
    /// </returns>
    /// <exception cref="DlmConnectionException">
    /// The server could not be reached; the lease runs on.
    /// </exception>
    /// <exception cref="DlmRefusedException">
    /// The server refused the TTL or is short of memory.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The handle was disposed.</exception>
    public async Task<bool> RenewAsync(
        TimeSpan? ttl = null,
        CancellationToken cancellationToken = default)
    {
        var newTtl = ttl ?? _ttl;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(newTtl, TimeSpan.Zero, nameof(ttl));

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _released) != 0, this);
            if (IsLost)
            {
                return false;
            }

            var sentAt = Time.GetUtcNow();
            var reply = await _transport
                .SendAsync(OwnerId, EntryKey, DlmAction.Lock, newTtl, null, true, cancellationToken)
                .ConfigureAwait(false);
            return ApplyRenewal(reply, sentAt + newTtl);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Releases the lock on the server; <see cref="DisposeAsync"/> does the same quietly.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request and its retries.</param>
    /// <returns>True when the server removed this owner's entry; false when it was gone or not
    /// ours any more, or the handle was released before.</returns>
    /// <exception cref="DlmConnectionException">
    /// The server could not be reached; the lock ends at its expiry.
    /// </exception>
    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return false;
        }

        await StopRenewalAsync().ConfigureAwait(false);

        // A renewal in flight must finish first: a Lock arriving after the Unlock would take the
        // lock again.
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _lost.CancelAfter(Timeout.InfiniteTimeSpan);
            var reply = await _transport
                .SendAsync(OwnerId, EntryKey, DlmAction.Unlock, TimeSpan.Zero, null, true, cancellationToken)
                .ConfigureAwait(false);
            Log.LockReleased(_transport.Logger, EntryKey);
            return reply.Status switch
            {
                // Unlocked carries the ID only when this request removed the entry (PROTOCOL.md
                // section 7).
                DlmStatus.Unlocked => reply.Id is not null,
                DlmStatus.NotOwner => false,
                _ => throw DlmErrors.UnexpectedStatus(DlmAction.Unlock, EntryKey, reply),
            };
        }
        finally
        {
            _gate.Release();
            _lost.Dispose();
        }
    }

    /// <summary>Releases the lock. A failure to reach the server is logged, not thrown: the lock
    /// then ends at its expiry.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (DlmException exception)
        {
            Log.ReleaseFailed(_transport.Logger, EntryKey, exception);
        }
    }

    /// <summary>
    /// Releases the lock, blocking until the server answers; see <see cref="DisposeAsync"/>.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private bool ApplyRenewal(DlmReply reply, DateTimeOffset expiresAt)
    {
        // The token stays with an entry for its whole life; a new one means the entry was made anew,
        // so someone else may have held the lock in between.
        var madeAnew = reply.Token is { } token && FencingToken is { } held && token != held;
        switch (reply.Status)
        {
            case DlmStatus.Locked when madeAnew:
                MarkLost("the lock was made anew after it had expired");
                return false;
            case DlmStatus.Locked:
                return TryExtend(expiresAt);
            case DlmStatus.NotOwner:
                MarkLost("another owner holds it");
                return false;
            default:
                throw DlmErrors.UnexpectedStatus(DlmAction.Lock, EntryKey, reply);
        }
    }

    private bool TryExtend(DateTimeOffset expiresAt)
    {
        if (IsLost)
        {
            return false;
        }

        Volatile.Write(ref _expiresAtUtcTicks, expiresAt.UtcTicks);
        _lost.CancelAfter(Remaining(expiresAt));
        Log.LockRenewed(_transport.Logger, EntryKey, expiresAt);

        // The expiry timer may have fired while the renewal was on its way: lost stays lost.
        return !IsLost;
    }

    private void MarkLost(string reason)
    {
        Interlocked.CompareExchange(ref _lostReason, reason, null);
        try
        {
            _lost.Cancel();
        }
        catch (AggregateException)
        {
            // Thrown by callbacks others registered on LostToken; their failure is not ours to
            // report.
        }
    }

    private void LogLoss() =>
        Log.LockLost(_transport.Logger, EntryKey, _lostReason ?? "it expired without a renewal");

    private TimeSpan Remaining(DateTimeOffset expiresAt)
    {
        var remaining = expiresAt - Time.GetUtcNow();
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    private async Task RenewLoopAsync(TimeSpan cadence, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && !IsLost)
        {
            try
            {
                await Task.Delay(cadence, Time, stop).ConfigureAwait(false);
                if (!await RenewAsync(null, stop).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (DlmException exception)
            {
                Log.RenewalFailed(_transport.Logger, EntryKey, exception);
            }
        }
    }

    private async Task StopRenewalAsync()
    {
        if (_renewalStop is null || _renewal is null)
        {
            return;
        }

        await _renewalStop.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(false);
        _renewalStop.Dispose();
    }
}
