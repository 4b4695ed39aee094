namespace JackrabbitDlm.Engine.Memory;

/// <summary>
/// Which values the memory backend keeps on disk instead of in memory (section 11): long-lived
/// values over 16384 characters, and smaller ones the closer the process gets to its threshold.
/// </summary>
public sealed record SpillPolicy
{
    public int LargeValueLength { get; init; } = 16384;

    public int MediumValueLength { get; init; } = 8192;

    public TimeSpan LongTtl { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>True when a value of <paramref name="length"/> code points should go to disk.</summary>
    /// <param name="length">The value's length in code points.</param>
    /// <param name="ttl">The value's time to live.</param>
    /// <param name="usageOfThreshold">Memory use as a fraction of the threshold.</param>
    public bool ShouldSpill(int length, TimeSpan ttl, double usageOfThreshold) =>
        (length > LargeValueLength && (ttl > LongTtl || usageOfThreshold > 0.5))
        || (length > MediumValueLength && usageOfThreshold > 0.75);
}
