using System.Globalization;

namespace JackrabbitDlm.Tools.Fighting;

/// <summary>
/// The value of the fence entry: the fencing token of the lock holder that wrote it last and
/// that fighter's tag, as <c>&lt;token&gt; &lt;tag&gt;</c>.
/// </summary>
/// <param name="Token">The holder's fencing token.</param>
/// <param name="Tag">The holder's fighter tag.</param>
public readonly record struct FencingRecord(long Token, string Tag)
{
    /// <summary>The record as stored.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Token} {Tag}");

    /// <summary>Reads a stored record.</summary>
    /// <returns>False when the text is not a token, a space and a tag.</returns>
    public static bool TryParse(string? text, out FencingRecord record)
    {
        record = default;
        var space = text?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (space <= 0
            || space == text!.Length - 1
            || !long.TryParse(text.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var token))
        {
            return false;
        }

        record = new FencingRecord(token, text[(space + 1)..]);
        return true;
    }
}
