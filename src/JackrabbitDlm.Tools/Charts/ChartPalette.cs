using System.Globalization;

namespace JackrabbitDlm.Tools.Charts;

/// <summary>
/// The colour of each series, the same in the PNG and the HTML chart. Hues step by the golden
/// angle, so even the forty-odd counters of a busy server stay apart from their neighbours.
/// </summary>
public static class ChartPalette
{
    private const double GoldenAngleDegrees = 137.50776405;

    /// <summary>The colour of series <paramref name="index"/> as <c>#rrggbb</c>.</summary>
    public static string Hex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var hue = (index * GoldenAngleDegrees) % 360.0;

        // Alternating lightness separates series whose hues come close after many steps.
        var lightness = index % 2 == 0 ? 0.42 : 0.55;
        var (r, g, b) = FromHsl(hue, 0.70, lightness);
        return string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}{b:x2}");
    }

    private static (int R, int G, int B) FromHsl(double hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs((2 * lightness) - 1)) * saturation;
        var sector = hue / 60.0;
        var x = chroma * (1 - Math.Abs((sector % 2) - 1));
        var (r, g, b) = (int)sector switch
        {
            0 => (chroma, x, 0.0),
            1 => (x, chroma, 0.0),
            2 => (0.0, chroma, x),
            3 => (0.0, x, chroma),
            4 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        var m = lightness - (chroma / 2);
        return (ToByte(r + m), ToByte(g + m), ToByte(b + m));
    }

    private static int ToByte(double channel) => (int)Math.Round(Math.Clamp(channel, 0, 1) * 255);
}
