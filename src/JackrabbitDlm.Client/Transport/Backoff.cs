namespace JackrabbitDlm.Client.Transport;

/// <summary>
/// The pauses between attempts to take a lock held by someone else: doubling from
/// <see cref="Initial"/> up to <see cref="Max"/>, each drawn at random from the upper half of its
/// range so that waiters started together spread out instead of asking in step.
/// </summary>
internal static class Backoff
{
    /// <summary>The pause after the first failed attempt, before jitter.</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest pause, before jitter.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The pause after failed attempt number <paramref name="attempt"/> (0 for the first).
    /// </summary>
    /// <param name="attempt">How many attempts failed before this one; at least 0.</param>
    /// <param name="unitRandom">
    /// A random number in [0, 1), e.g. <see cref="Random.NextDouble"/>.
    /// </param>
    public static TimeSpan Delay(int attempt, double unitRandom)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);

        // Past 2^6 the cap is reached anyway; stopping there keeps the shift from overflowing.
        var ceiling = Math.Min(Initial.Ticks << Math.Min(attempt, 6), Max.Ticks);
        var half = ceiling / 2;
        return TimeSpan.FromTicks(half + (long)(half * unitRandom));
    }
}
