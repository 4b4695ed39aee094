using JackrabbitDlm.Client.Transport;
using JackrabbitDlm.Protocol.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JackrabbitDlm.Client;

/// <summary>
/// The original Python client's <c>Locker</c>: one entry key, one owner id, and the operations
/// <c>Lock</c>, <c>IsLocked</c>, <c>Unlock</c>, <c>Get</c>, <c>Put</c>, <c>Erase</c>,
/// <c>Version</c> and <c>IsDLM</c>, each returning the server's status in a
/// <see cref="LockerResult"/>.
/// </summary>
/// <remarks>
/// A server that cannot be reached gives a result whose <see cref="LockerResult.IsFailure"/> is
/// true after the retries; a reply that cannot be read throws <see cref="DlmProtocolException"/>.
/// Unlike the original, a locker is thread-safe. The synchronous methods block on the asynchronous
/// ones.
/// </remarks>
public sealed class Locker : IDisposable
{
    /// <summary>
    /// The TTL of <see cref="Lock"/> and <see cref="IsLocked"/> when none is given: 300 s.
    /// </summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromSeconds(300);

    /// <summary>
    /// The text a server's version starts with; <see cref="IsDLM"/> tests for it.
    /// </summary>
    public const string ServerName = "JackrabbitDLM";

    private readonly DlmTransport _transport;
    private readonly bool _ownsTransport;

    /// <summary>Makes a locker for one entry key with its own connection settings.</summary>
    /// <param name="entryKey">The entry key (wire <c>FileName</c>).</param>
    /// <param name="options">Server, owner id, identity, retries; null uses the defaults.</param>
    /// <param name="logger">Receives diagnostics; null keeps the locker silent.</param>
    /// <exception cref="ArgumentException">
    /// The key is empty or an option is out of range.
    /// </exception>
    public Locker(string entryKey, JackrabbitDlmClientOptions? options = null, ILogger? logger = null)
        : this(entryKey, NewTransport(options, logger), ownsTransport: true)
    {
    }

    internal Locker(string entryKey, DlmTransport transport, bool ownsTransport)
    {
        ArgumentException.ThrowIfNullOrEmpty(entryKey);
        EntryKey = entryKey;
        _transport = transport;
        _ownsTransport = ownsTransport;
    }

    /// <summary>The entry key this locker works on.</summary>
    public string EntryKey { get; }

    /// <summary>The owner id sent with every request.</summary>
    public string OwnerId => _transport.Settings.OwnerId;

    /// <summary>Takes the lock, or extends it when this owner holds it already.</summary>
    /// <param name="ttl">How long the lock lives; null for <see cref="DefaultTtl"/>.</param>
    /// <returns><c>Locked</c> (with the owner id and a fencing token) or <c>NotOwner</c>.</returns>
    public LockerResult Lock(TimeSpan? ttl = null) => Wait(LockAsync(ttl));

    /// <inheritdoc cref="Lock"/>
    /// <param name="ttl">How long the lock lives; null for <see cref="DefaultTtl"/>.</param>
    /// <param name="cancellationToken">Cancels the request and its retries.</param>
    public Task<LockerResult> LockAsync(
        TimeSpan? ttl = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(DlmAction.Lock, CheckTtl(ttl ?? DefaultTtl), null, retry: true, cancellationToken);

    /// <summary>
    /// One attempt, without retries: with <paramref name="acquire"/> it takes the lock when it is
    /// free (<c>Lock</c>); without, it only asks (<c>TestLock</c>).
    /// </summary>
    /// <param name="ttl">The TTL of a lock taken; null for <see cref="DefaultTtl"/>.</param>
    /// <param name="acquire">
    /// True to take a free lock, as the original does; false only to test.
    /// </param>
    /// <returns>
    /// <c>
    /// Locked</c> when this owner holds it, <c>NotOwner</c> when someone else does, <c>Unlocked
    /// </c>
    /// when a test finds it free, or a failure result when the server could not be reached.
    /// </returns>
    public LockerResult IsLocked(TimeSpan? ttl = null, bool acquire = true) =>
        Wait(IsLockedAsync(ttl, acquire));

    /// <inheritdoc cref="IsLocked"/>
    /// <param name="ttl">The TTL of a lock taken; null for <see cref="DefaultTtl"/>.</param>
    /// <param name="acquire">
    /// True to take a free lock, as the original does; false only to test.
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<LockerResult> IsLockedAsync(
        TimeSpan? ttl = null,
        bool acquire = true,
        CancellationToken cancellationToken = default)
    {
        var action = acquire ? DlmAction.Lock : DlmAction.TestLock;
        var checkedTtl = CheckTtl(ttl ?? DefaultTtl);
        return SendAsync(action, checkedTtl, null, retry: false, cancellationToken);
    }

    /// <summary>Releases the entry (its value too, when it has one).</summary>
    /// <returns>
    /// <c>Unlocked</c> (with the owner id when this owner held it) or <c>NotOwner</c>.
    /// </returns>
    public LockerResult Unlock() => Wait(UnlockAsync());

    /// <inheritdoc cref="Unlock"/>
    /// <param name="cancellationToken">Cancels the request and its retries.</param>
    public Task<LockerResult> UnlockAsync(CancellationToken cancellationToken = default) =>
        SendAsync(DlmAction.Unlock, TimeSpan.Zero, null, retry: true, cancellationToken);

    /// <summary>Reads this owner's value, decoded with the value decoder.</summary>
    /// <returns>
    /// <c>Done</c> with <see cref="LockerResult.Value"/>, <c>NoData</c>, <c>NotFound</c> or
    /// <c>NotOwner</c>.
    /// </returns>
    /// <exception cref="DlmProtocolException">
    /// The value decoder could not decode the stored value.
    /// </exception>
    public LockerResult Get() => Wait(GetAsync());

    /// <inheritdoc cref="Get"/>
    /// <param name="cancellationToken">Cancels the request and its retries.</param>
    public Task<LockerResult> GetAsync(CancellationToken cancellationToken = default) =>
        SendAsync(DlmAction.Get, TimeSpan.Zero, null, retry: true, cancellationToken);

    /// <summary>
    /// Stores a value, encoded with the value encoder, for <paramref name="ttl"/>.
    /// </summary>
    /// <returns>
    /// <c>Done</c>, <c>NotOwner</c>, <c>BadPayload</c> (too large) or <c>NO</c> (server short of
    /// memory).
    /// </returns>
    public LockerResult Put(TimeSpan ttl, string value) => Wait(PutAsync(ttl, value));

    /// <inheritdoc cref="Put"/>
    /// <param name="ttl">How long the value lives.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Cancels the request and its retries.</param>
    public Task<LockerResult> PutAsync(
        TimeSpan ttl,
        string value,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var encoded = _transport.Settings.ValueEncoder(value);
        return SendAsync(DlmAction.Put, CheckTtl(ttl), encoded, retry: true, cancellationToken);
    }

    /// <summary>Removes this owner's entry and its value.</summary>
    /// <returns><c>Done</c>, <c>NotFound</c> or <c>NotOwner</c>.</returns>
    public LockerResult Erase() => Wait(EraseAsync());

    /// <inheritdoc cref="Erase"/>
    /// <param name="cancellationToken">Cancels the request and its retries.</param>
    public Task<LockerResult> EraseAsync(CancellationToken cancellationToken = default) =>
        SendAsync(DlmAction.Erase, TimeSpan.Zero, null, retry: true, cancellationToken);

    /// <summary>Asks the server for its version.</summary>
    /// <returns><c>Version</c> with the version text in <see cref="LockerResult.Id"/>.</returns>
    public LockerResult Version() => Wait(VersionAsync());

    /// <inheritdoc cref="Version"/>
    /// <param name="cancellationToken">Cancels the request and its retries.</param>
    public Task<LockerResult> VersionAsync(CancellationToken cancellationToken = default) =>
        SendAsync(DlmAction.Version, TimeSpan.Zero, null, retry: true, cancellationToken);

    /// <summary>Tells whether a JackrabbitDLM server answers at the configured address.</summary>
    /// <returns>
    /// True when its version text starts with <see cref="ServerName"/>; false when it says
    /// otherwise, cannot be reached or answers something unreadable.
    /// </returns>
    public bool IsDLM() => Wait(IsDLMAsync());

    /// <inheritdoc cref="IsDLM"/>
    /// <param name="cancellationToken">Cancels the request and its retries.</param>
    public async Task<bool> IsDLMAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await VersionAsync(cancellationToken).ConfigureAwait(false);
            return result.Is(DlmStatus.Version)
                && result.Id is { } version
                && version.StartsWith(ServerName, StringComparison.Ordinal);
        }
        catch (DlmProtocolException)
        {
            return false;
        }
    }

    /// <summary>Closes a kept-alive connection, when this locker made its own.</summary>
    public void Dispose()
    {
        if (_ownsTransport)
        {
            _transport.Dispose();
        }
    }

    private static DlmTransport NewTransport(JackrabbitDlmClientOptions? options, ILogger? logger)
    {
        var settings = ClientSettings.From(options ?? new JackrabbitDlmClientOptions());
        return new DlmTransport(settings, logger ?? NullLogger.Instance);
    }

    private static TimeSpan CheckTtl(TimeSpan ttl)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.Zero, nameof(ttl));
        return ttl;
    }

    // Every await below runs without the caller's context, so blocking here cannot deadlock.
    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private async Task<LockerResult> SendAsync(
        DlmAction action,
        TimeSpan ttl,
        string? value,
        bool retry,
        CancellationToken cancellationToken)
    {
        DlmReply reply;
        try
        {
            reply = await _transport
                .SendAsync(OwnerId, EntryKey, action, ttl, value, retry, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DlmConnectionException exception)
        {
            return LockerResult.Failure(exception);
        }

        string? decoded = null;
        if (action == DlmAction.Get && reply.Value is { } stored)
        {
            decoded = _transport.Settings.ValueDecoder(stored)
                ?? throw DlmErrors.UndecodableValue(EntryKey);
        }

        return LockerResult.FromReply(reply, decoded);
    }
}
