using System.Globalization;

namespace JackrabbitDlm.Protocol.Wire;

/// <summary>
/// Reads the text form of <c>Expire</c> as the original server does (Python's <c>float()</c>):
/// surrounding white space, a sign, digits with single underscores between them (<c>1_0</c>),
/// a fraction and an exponent are accepted; hexadecimal and empty text are not.
/// </summary>
/// <remarks>
/// Python also accepts digits of other scripts; only ASCII digits are read here, since no client
/// sends anything else. <c>nan</c> and <c>inf</c> parse, and are then refused as not finite.
/// </remarks>
public static class ExpireText
{
    /// <summary>Parses <paramref name="text"/> into seconds.</summary>
    /// <returns>False when the text is not a number in Python's float grammar.</returns>
    public static bool TryParse(string text, out double seconds)
    {
        seconds = 0;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty || span.Length > 400)
        {
            return false;
        }

        if (TryParseSpecial(span, out seconds))
        {
            return true;
        }

        Span<char> cleaned = stackalloc char[span.Length];
        var length = 0;
        if (!Scan(span, cleaned, ref length))
        {
            return false;
        }

        return double.TryParse(cleaned[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out seconds);
    }

    // Checks the grammar [sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits], where digits
    // may hold single underscores between two digits, and copies the text without underscores.
    private static bool Scan(ReadOnlySpan<char> span, Span<char> cleaned, ref int length)
    {
        var i = 0;
        if (span[i] is '+' or '-')
        {
            cleaned[length++] = span[i++];
        }

        var integerDigits = CopyDigits(span, ref i, cleaned, ref length);
        var fractionDigits = 0;
        if (i < span.Length && span[i] == '.')
        {
            cleaned[length++] = span[i++];
            fractionDigits = CopyDigits(span, ref i, cleaned, ref length);
        }

        if (integerDigits < 0 || fractionDigits < 0 || integerDigits + fractionDigits == 0)
        {
            return false;
        }

        if (i < span.Length && span[i] is 'e' or 'E')
        {
            cleaned[length++] = span[i++];
            if (i < span.Length && span[i] is '+' or '-')
            {
                cleaned[length++] = span[i++];
            }

            if (CopyDigits(span, ref i, cleaned, ref length) <= 0)
            {
                return false;
            }
        }

        return i == span.Length;
    }

    // Returns the number of digits copied, or -1 when an underscore is not between two digits.
    private static int CopyDigits(ReadOnlySpan<char> span, ref int i, Span<char> cleaned, ref int length)
    {
        var digits = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (char.IsAsciiDigit(c))
            {
                cleaned[length++] = c;
                digits++;
                i++;
            }
            else if (c == '_')
            {
                var betweenDigits = digits > 0 && i + 1 < span.Length && char.IsAsciiDigit(span[i + 1]);
                if (!betweenDigits)
                {
                    return -1;
                }

                i++;
            }
            else
            {
                break;
            }
        }

        return digits;
    }

    private static bool TryParseSpecial(ReadOnlySpan<char> span, out double value)
    {
        var negative = span[0] == '-';
        var body = span[0] is '+' or '-' ? span[1..] : span;
        value = 0;
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        return false;
    }
}
