using System.Globalization;

namespace JackrabbitDlm.Server.Options;

/// <summary>
/// Reads a duration as operators write it: a number of seconds (<c>30</c>, <c>0.5</c>), a number
/// with a unit (<c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>) or <c>hh:mm:ss</c>.
/// </summary>
public static class DurationText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <returns>False when the text is none of the accepted forms, or not finite.</returns>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = TimeSpan.Zero;
        var span = text.AsSpan().Trim();
        if (span.Contains(':'))
        {
            return TimeSpan.TryParse(span, CultureInfo.InvariantCulture, out duration);
        }

        var secondsPerUnit = SplitUnit(ref span);
        if (secondsPerUnit == 0
            || !double.TryParse(span, NumberStyles.Float, Invariant, out var value)
            || !double.IsFinite(value))
        {
            return false;
        }

        var seconds = value * secondsPerUnit;
        if (Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>
    /// Writes a duration in the shortest form <see cref="TryParse"/> reads back, e.g. <c>30s</c>,
    /// <c>1h</c>.
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        var ticks = duration.Ticks;
        if (ticks != 0 && ticks % TimeSpan.TicksPerHour == 0)
        {
            return WithUnit(ticks / TimeSpan.TicksPerHour, "h");
        }

        if (ticks != 0 && ticks % TimeSpan.TicksPerMinute == 0)
        {
            return WithUnit(ticks / TimeSpan.TicksPerMinute, "m");
        }

        return ticks % TimeSpan.TicksPerSecond == 0
            ? WithUnit(ticks / TimeSpan.TicksPerSecond, "s")
            : string.Concat(duration.TotalMilliseconds.ToString(Invariant), "ms");
    }

    private static string WithUnit(long count, string unit) =>
        string.Concat(count.ToString(Invariant), unit);

    // Strips the unit off the span and returns its length in seconds; 0 for an unknown unit.
    private static double SplitUnit(ref ReadOnlySpan<char> span)
    {
        // "ms" is tested before "s", since both end the same way.
        if (span.EndsWith("ms", StringComparison.OrdinalIgnoreCase))
        {
            span = span[..^2];
            return 0.001;
        }

        if (span.IsEmpty || char.IsAsciiDigit(span[^1]) || span[^1] == '.')
        {
            return 1;
        }

        var seconds = char.ToLowerInvariant(span[^1]) switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86400,
            _ => 0,
        };
        span = span[..^1];
        return seconds;
    }
}
