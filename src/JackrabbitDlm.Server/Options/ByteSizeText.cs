using System.Globalization;

namespace JackrabbitDlm.Server.Options;

/// <summary>
/// Reads a size in bytes: a whole number, optionally with a binary unit (<c>64KiB</c>,
/// <c>10MiB</c>, <c>1GiB</c>).
/// </summary>
public static class ByteSizeText
{
    // Longer spellings first, so "KiB" is not read as a number ending in "B".
    private static readonly (string Unit, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("B", 1),
    ];

    private static readonly (string Unit, long Factor)[] FormatUnits =
    [
        ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10),
    ];

    /// <returns>
    /// False when the text is not a whole number with an optional unit, or overflows.
    /// </returns>
    public static bool TryParse(string text, out long bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        var span = text.AsSpan().Trim();
        long multiplier = 1;
        foreach (var (unit, factor) in Units)
        {
            if (span.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                span = span[..^unit.Length].TrimEnd();
                multiplier = factor;
                break;
            }
        }

        if (!long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count > long.MaxValue / multiplier)
        {
            return false;
        }

        bytes = count * multiplier;
        return true;
    }

    /// <summary>
    /// Writes a size in the shortest exact form, e.g. <c>10MiB</c>, <c>64KiB</c>, <c>1000</c>.
    /// </summary>
    public static string Format(long bytes)
    {
        foreach (var (unit, factor) in FormatUnits)
        {
            if (bytes != 0 && bytes % factor == 0)
            {
                return string.Concat((bytes / factor).ToString(CultureInfo.InvariantCulture), unit);
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture);
    }
}
