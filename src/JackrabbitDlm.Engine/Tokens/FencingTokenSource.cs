namespace JackrabbitDlm.Engine.Tokens;

/// <summary>
/// Hands out strictly increasing fencing tokens. Tokens are reserved in blocks: the block's upper
/// end is saved before any token in it is used, so a restart continues above every token the
/// previous run could have handed out, at the cost of one durable write per block.
/// </summary>
/// <remarks>Thread-safe; lock-free except when a new block is reserved.</remarks>
public sealed class FencingTokenSource
{
    /// <summary>Tokens reserved per durable write.</summary>
    public const long BlockSize = 1 << 16;

    private readonly ITokenReservationStore _store;
    private readonly Lock _reserving = new();
    private long _last;
    private long _reservedUpTo;

    public FencingTokenSource(ITokenReservationStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _reservedUpTo = store.LoadCeiling();
        _last = _reservedUpTo;
    }

    /// <summary>The next token: larger than every token handed out before, in this run or an earlier one.</summary>
    public long Next()
    {
        var token = Interlocked.Increment(ref _last);
        if (token > Volatile.Read(ref _reservedUpTo))
        {
            Reserve(token);
        }

        return token;
    }

    // Callers wait here until the block holding their token is durably reserved.
    private void Reserve(long token)
    {
        lock (_reserving)
        {
            while (token > _reservedUpTo)
            {
                var ceiling = _reservedUpTo + BlockSize;
                _store.SaveCeiling(ceiling);
                Volatile.Write(ref _reservedUpTo, ceiling);
            }
        }
    }
}
