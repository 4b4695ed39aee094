using Medallion.Threading;

namespace JackrabbitDlm.Client;

/// <summary>
/// DistributedLock's <see cref="IDistributedLockProvider"/> for JackrabbitDLM: an application
/// written against that interface moves to a JackrabbitDLM server by registering this provider.
/// </summary>
/// <remarks>Thread-safe; the locks it makes share the client's connection settings.</remarks>
public sealed class DlmLockProvider : IDistributedLockProvider
{
    private readonly DlmClient _client;

    /// <summary>Makes a provider over a client.</summary>
    public DlmLockProvider(DlmClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>
    /// Makes the lock for entry key <paramref name="name"/>; nothing is sent to the server yet.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public DlmDistributedLock CreateLock(string name) => new(_client, name);

    /// <inheritdoc cref="CreateLock"/>
    IDistributedLock IDistributedLockProvider.CreateLock(string name) => CreateLock(name);
}
