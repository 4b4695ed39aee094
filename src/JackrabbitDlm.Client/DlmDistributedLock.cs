using Medallion.Threading;

namespace JackrabbitDlm.Client;

/// <summary>
/// A JackrabbitDLM lock behind DistributedLock's <see cref="IDistributedLock"/>: every acquisition
/// takes a lease of the client's <see cref="DlmClient.LeaseDuration"/> and renews it in the
/// background until the handle is disposed.
/// </summary>
/// <remarks>
/// Thread-safe. Each acquisition has its own owner id, so two acquisitions exclude each other even
/// inside one process. The handles are <see cref="DlmLockHandle"/>s.
/// </remarks>
public sealed class DlmDistributedLock : IDistributedLock
{
    private static readonly DlmLockOptions Renewing = new() { AutoRenew = true };

    private readonly DlmClient _client;

    /// <summary>Makes the lock for one entry key.</summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public DlmDistributedLock(DlmClient client, string name)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(name);
        _client = client;
        Name = name;
    }

    /// <summary>The lock's entry key on the server.</summary>
    public string Name { get; }

    /// <summary>
    /// Tries to take the lock, waiting up to <paramref name="timeout"/> (default: no wait).
    /// </summary>
    /// <returns>The handle, or null when someone else held the lock for the whole wait.</returns>
    /// <exception cref="DlmConnectionException">The server could not be reached.</exception>
    public IDistributedSynchronizationHandle? TryAcquire(
        TimeSpan timeout = default,
        CancellationToken cancellationToken = default) =>
        TryAcquireAsync(timeout, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="timeout"/> (default: for good).
    /// </summary>
    /// <exception cref="DlmTimeoutException">
    /// The wait ran out; it is a <see cref="TimeoutException"/>.
    /// </exception>
    /// <exception cref="DlmConnectionException">The server could not be reached.</exception>
    public IDistributedSynchronizationHandle Acquire(
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        AcquireAsync(timeout, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc cref="TryAcquire"/>
    public async ValueTask<IDistributedSynchronizationHandle?> TryAcquireAsync(
        TimeSpan timeout = default,
        CancellationToken cancellationToken = default)
    {
        if (timeout == TimeSpan.Zero)
        {
            return await _client
                .TryAcquireAsync(Name, _client.LeaseDuration, Renewing, cancellationToken)
                .ConfigureAwait(false);
        }

        try
        {
            return await _client
                .AcquireAsync(Name, _client.LeaseDuration, timeout, Renewing, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DlmTimeoutException)
        {
            return null;
        }
    }

    /// <inheritdoc cref="Acquire"/>
    public async ValueTask<IDistributedSynchronizationHandle> AcquireAsync(
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        await _client
            .AcquireAsync(Name, _client.LeaseDuration, timeout, Renewing, cancellationToken)
            .ConfigureAwait(false);
}
