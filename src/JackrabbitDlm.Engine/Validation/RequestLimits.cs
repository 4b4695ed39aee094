namespace JackrabbitDlm.Engine.Validation;

/// <summary>
/// The limits of section 6 for anonymous requests; authenticated ones take theirs from the
/// identity file.
/// </summary>
public sealed record RequestLimits
{
    /// <summary>The original's limit: values up to 16384 characters (code points).</summary>
    public const int DefaultMaxAnonymousValueLength = 16384;

    /// <summary>The original's limit: TTLs up to 3543 seconds.</summary>
    public const double DefaultMaxAnonymousTtlSeconds = 3543;

    /// <summary>The longest TTL kept as asked; longer ones (authenticated only) are held this long.</summary>
    public static readonly TimeSpan LongestTtl = TimeSpan.FromDays(365 * 100);

    /// <summary>The longest value, in code points, an anonymous request may carry.</summary>
    public int MaxAnonymousValueLength { get; init; } = DefaultMaxAnonymousValueLength;

    /// <summary>The longest TTL, in seconds, an anonymous request may ask for.</summary>
    public double MaxAnonymousTtlSeconds { get; init; } = DefaultMaxAnonymousTtlSeconds;
}
