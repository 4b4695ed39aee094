using JackrabbitDlm.Client.Transport;
using JackrabbitDlm.Protocol.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JackrabbitDlm.Client;

/// <summary>
/// The asynchronous client: locks as <see cref="DlmLockHandle"/>s (<c>await using</c> releases
/// them), values without status words, and <see cref="Locker"/>s sharing its settings.
/// </summary>
/// <remarks>
/// Thread-safe; make one per server and share it. Failures throw
/// <see cref="DlmConnectionException"/>,
/// <see cref="DlmProtocolException"/> or <see cref="DlmRefusedException"/>; outcomes a caller
/// expects (held by someone else, no such value) are null or false.
/// </remarks>
public sealed class DlmClient : IDisposable
{
    // Version needs a FileName like every action (PROTOCOL.md section 6); any name does.
    private const string VersionKey = "Version";

    private readonly DlmTransport _transport;

    /// <summary>Makes a client.</summary>
    /// <param name="options">Server, owner id, identity, retries; null uses the defaults.</param>
    /// <param name="logger">Receives diagnostics; null keeps the client silent.</param>
    /// <exception cref="ArgumentException">
    /// An option is out of range; the parameter name says which.
    /// </exception>
    public DlmClient(JackrabbitDlmClientOptions? options = null, ILogger<DlmClient>? logger = null)
    {
        var settings = ClientSettings.From(options ?? new JackrabbitDlmClientOptions());
        _transport = new DlmTransport(settings, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>
    /// The owner id of the value operations and of the lockers this client makes.
    /// </summary>
    public string OwnerId => _transport.Settings.OwnerId;

    /// <summary>The TTL that <see cref="DlmLockProvider"/> gives its locks.</summary>
    public TimeSpan LeaseDuration => _transport.Settings.LeaseDuration;

    /// <summary>
    /// Makes a <see cref="Locker"/> for one entry key with this client's owner id and settings.
    /// </summary>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public Locker CreateLocker(string entryKey) => new(entryKey, _transport, ownsTransport: false);

    /// <summary>Takes a lock if it is free, without waiting.</summary>
    /// <param name="entryKey">The lock's entry key.</param>
    /// <param name="ttl">How long the lock lives unless renewed; above zero.</param>
    /// <param name="options">
    /// Renewal and owner id; null for a new owner id and no automatic renewal.
    /// </param>
    /// <param name="cancellationToken">Cancels the request and its retries.</param>
    /// <returns>The handle, or null when another owner holds the lock.</returns>
    /// <exception cref="DlmConnectionException">The server could not be reached.</exception>
    /// <exception cref="DlmRefusedException">
    /// The TTL is over the server's limit, or it is short of memory.
    /// </exception>
    public async Task<DlmLockHandle?> TryAcquireAsync(
        string entryKey,
        TimeSpan ttl,
        DlmLockOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options = CheckLock(entryKey, ttl, options);
        var owner = options.OwnerId ?? OwnerIds.NewId();
        return await TryLockAsync(entryKey, ttl, owner, options, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Takes a lock, waiting while someone else holds it: tries again after pauses that grow from
    /// 50 ms to about 2 s, spread at random.
    /// </summary>
    /// <param name="entryKey">The lock's entry key.</param>
    /// <param name="ttl">How long the lock lives unless renewed; above zero.</param>
    /// <param name="timeout">
    /// The longest wait; null or <see cref="Timeout.InfiniteTimeSpan"/> waits for good.
    /// </param>
    /// <param name="options">
    /// Renewal and owner id; null for a new owner id and no automatic renewal.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The handle.</returns>
    /// <exception cref="DlmTimeoutException">
    /// The timeout passed while another owner held the lock.
    /// </exception>
    /// <exception cref="DlmConnectionException">The server could not be reached.</exception>
    /// <exception cref="DlmRefusedException">
    /// The TTL is over the server's limit, or it is short of memory.
    /// </exception>
    public async Task<DlmLockHandle> AcquireAsync(
        string entryKey,
        TimeSpan ttl,
        TimeSpan? timeout = null,
        DlmLockOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options = CheckLock(entryKey, ttl, options);
        var wait = timeout ?? Timeout.InfiniteTimeSpan;
        CheckTimeout(wait);

        // One owner id for every attempt: a grant whose reply was lost is then simply granted
        // again.
        var owner = options.OwnerId ?? OwnerIds.NewId();
        var time = _transport.Settings.Time;
        var deadline = wait == Timeout.InfiniteTimeSpan
            ? DateTimeOffset.MaxValue
            : time.GetUtcNow() + wait;
        for (var attempt = 0; ; attempt++)
        {
            var handle = await TryLockAsync(entryKey, ttl, owner, options, cancellationToken)
                .ConfigureAwait(false);
            if (handle is not null)
            {
                return handle;
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                throw DlmErrors.AcquireTimedOut(entryKey, wait);
            }

            var pause = Backoff.Delay(attempt, Random.Shared.NextDouble());
            pause = pause < remaining ? pause : remaining;
            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the value this client's owner id stored under <paramref name="entryKey"/>.
    /// </summary>
    /// <returns>The decoded value, or null when there is none: no entry, a lock without a value, or
    /// another owner's entry.</returns>
    /// <exception cref="DlmConnectionException">The server could not be reached.</exception>
    /// <exception cref="DlmProtocolException">
    /// The stored value could not be decoded or read back.
    /// </exception>
    public async Task<string?> GetAsync(
        string entryKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entryKey);
        var reply = await SendAsync(entryKey, DlmAction.Get, TimeSpan.Zero, null, cancellationToken)
            .ConfigureAwait(false);
        switch (reply.Status)
        {
            case DlmStatus.Done when reply.Value is { } stored:
                return _transport.Settings.ValueDecoder(stored)
                    ?? throw DlmErrors.UndecodableValue(entryKey);
            case DlmStatus.NotFound or DlmStatus.NoData or DlmStatus.NotOwner:
                return null;
            default:
                throw DlmErrors.UnexpectedStatus(DlmAction.Get, entryKey, reply);
        }
    }

    /// <summary>
    /// Stores a value under <paramref name="entryKey"/> for <paramref name="ttl"/>.
    /// </summary>
    /// <returns>True when stored; false when another owner holds the entry.</returns>
    /// <exception cref="DlmConnectionException">The server could not be reached.</exception>
    /// <exception cref="DlmRefusedException">The value or TTL is over the server's limit, or it is
    /// short of memory.</exception>
    public async Task<bool> PutAsync(
        string entryKey,
        string value,
        TimeSpan ttl,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entryKey);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);

        var encoded = _transport.Settings.ValueEncoder(value);
        var reply = await SendAsync(entryKey, DlmAction.Put, ttl, encoded, cancellationToken)
            .ConfigureAwait(false);
        return reply.Status switch
        {
            DlmStatus.Done => true,
            DlmStatus.NotOwner => false,
            _ => throw DlmErrors.UnexpectedStatus(DlmAction.Put, entryKey, reply),
        };
    }

    /// <summary>
    /// Removes this client's entry under <paramref name="entryKey"/>, value included.
    /// </summary>
    /// <returns>True when removed; false when there was none or another owner holds it.</returns>
    /// <exception cref="DlmConnectionException">The server could not be reached.</exception>
    public async Task<bool> EraseAsync(
        string entryKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entryKey);
        var reply = await SendAsync(entryKey, DlmAction.Erase, TimeSpan.Zero, null, cancellationToken)
            .ConfigureAwait(false);
        return reply.Status switch
        {
            DlmStatus.Done => true,
            DlmStatus.NotFound or DlmStatus.NotOwner => false,
            _ => throw DlmErrors.UnexpectedStatus(DlmAction.Erase, entryKey, reply),
        };
    }

    /// <summary>
    /// Asks the server for its name and version, e.g. <c>JackrabbitDLM/1.0.0</c>.
    /// </summary>
    /// <exception cref="DlmConnectionException">The server could not be reached.</exception>
    /// <exception cref="DlmProtocolException">The answer carries no version.</exception>
    public async Task<string> GetServerVersionAsync(CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync(VersionKey, DlmAction.Version, TimeSpan.Zero, null, cancellationToken)
            .ConfigureAwait(false);
        if (reply.Status != DlmStatus.Version)
        {
            throw DlmErrors.UnexpectedStatus(DlmAction.Version, VersionKey, reply);
        }

        return reply.Id ?? throw DlmErrors.VersionMissing(reply);
    }

    /// <summary>
    /// Closes a kept-alive connection. Later requests, such as handles releasing their locks, still
    /// work, each on a connection of its own.
    /// </summary>
    public void Dispose() => _transport.Dispose();

    private static DlmLockOptions CheckLock(string entryKey, TimeSpan ttl, DlmLockOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(entryKey);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        options ??= new DlmLockOptions();
        if (options.OwnerId is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(options.OwnerId, nameof(options));
        }

        if (options.RenewalCadence is { } cadence && (cadence <= TimeSpan.Zero || cadence >= ttl))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), cadence, "The renewal cadence must be above zero and below the TTL");
        }

        return options;
    }

    private static void CheckTimeout(TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeout), timeout, "The timeout must be zero or more, or infinite");
        }
    }

    private async Task<DlmLockHandle?> TryLockAsync(
        string entryKey,
        TimeSpan ttl,
        string owner,
        DlmLockOptions options,
        CancellationToken cancellationToken)
    {
        var sentAt = _transport.Settings.Time.GetUtcNow();
        var reply = await _transport
            .SendAsync(owner, entryKey, DlmAction.Lock, ttl, null, retry: true, cancellationToken)
            .ConfigureAwait(false);
        switch (reply.Status)
        {
            case DlmStatus.Locked:
                Log.LockAcquired(_transport.Logger, entryKey, reply.Token);
                var expiresAt = sentAt + ttl;
                return new DlmLockHandle(_transport, entryKey, owner, ttl, expiresAt, reply.Token, options);
            case DlmStatus.NotOwner:
                return null;
            default:
                throw DlmErrors.UnexpectedStatus(DlmAction.Lock, entryKey, reply);
        }
    }

    private Task<DlmReply> SendAsync(
        string entryKey,
        DlmAction action,
        TimeSpan ttl,
        string? value,
        CancellationToken cancellationToken) =>
        _transport.SendAsync(OwnerId, entryKey, action, ttl, value, retry: true, cancellationToken);
}
