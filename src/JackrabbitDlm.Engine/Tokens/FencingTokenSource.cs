namespace JackrabbitDlm.Engine.Tokens;

/// <summary>
/// Hands out strictly increasing fencing tokens. Tokens are reserved in blocks: the block's upper
/// end is saved before any token in it is used, so a restart continues above every token the
/// previous run could have handed out, at the cost of one durable write per block.
/// </summary>
/// <remarks>Not thread-safe: the owning backend calls it under its own lock.</remarks>
public sealed class FencingTokenSource
{
    /// <summary>Tokens reserved per durable write.</summary>
    public const long BlockSize = 1 << 16;

    private readonly ITokenReservationStore _store;
    private long _next;
    private long _reservedUpTo;

    public FencingTokenSource(ITokenReservationStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _reservedUpTo = store.LoadCeiling();
        _next = _reservedUpTo + 1;
    }

    /// <summary>The next token: larger than every token handed out before, in this run or an earlier one.</summary>
    public long Next()
    {
        if (_next > _reservedUpTo)
        {
            var ceiling = _next + BlockSize - 1;
            _store.SaveCeiling(ceiling);
            _reservedUpTo = ceiling;
        }

        return _next++;
    }
}
