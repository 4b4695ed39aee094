namespace JackrabbitDlm.Server.Network;

/// <summary>
/// Bounds the memory all connections together may hold for long request lines. Without it,
/// every open connection could fill a buffer of the request size cap at once: thousands of
/// connections times 10 MiB. Only growth past a connection's initial buffer is charged, so
/// ordinary requests never touch it. Thread-safe.
/// </summary>
internal sealed class LineBufferBudget
{
    private readonly long _capacityBytes;
    private long _usedBytes;

    public LineBufferBudget(long capacityBytes)
    {
        _capacityBytes = capacityBytes;
    }

    /// <summary>Bytes charged now.</summary>
    public long UsedBytes => Interlocked.Read(ref _usedBytes);

    /// <summary>Charges <paramref name="bytes"/> if the budget allows it.</summary>
    /// <returns>False, charging nothing, when it would be exceeded.</returns>
    public bool TryTake(long bytes)
    {
        if (Interlocked.Add(ref _usedBytes, bytes) <= _capacityBytes)
        {
            return true;
        }

        Interlocked.Add(ref _usedBytes, -bytes);
        return false;
    }

    public void Give(long bytes) => Interlocked.Add(ref _usedBytes, -bytes);
}
