namespace JackrabbitDlm.Client;

/// <summary>
/// A lock could not be acquired before the wait ran out: someone else held it all along.
/// </summary>
/// <remarks>
/// It derives from <see cref="TimeoutException"/>, as the waits of DistributedLock and of .NET do,
/// so code that catches that keeps working; it is therefore not a <see cref="DlmException"/>.
/// </remarks>
public sealed class DlmTimeoutException : TimeoutException
{
    /// <summary>Makes the exception for an entry key and the wait that ran out.</summary>
    public DlmTimeoutException(string entryKey, TimeSpan timeout)
        : base($"The lock '{entryKey}' was not acquired within {timeout.TotalSeconds:0.###} s.")
    {
        EntryKey = entryKey;
        Timeout = timeout;
    }

    /// <summary>The lock's entry key.</summary>
    public string EntryKey { get; }

    /// <summary>How long the acquisition waited.</summary>
    public TimeSpan Timeout { get; }
}
