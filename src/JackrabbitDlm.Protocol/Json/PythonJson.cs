using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace JackrabbitDlm.Protocol.Json;

/// <summary>
/// Writes JSON as the original's Python writer does: <c>", "</c> and <c>": "</c> separators and
/// ASCII-only text (<c>\uXXXX</c> escapes, astral characters as surrogate pairs), so any client
/// can read our lines however it decodes bytes.
/// </summary>
internal static class PythonJson
{
    // What goes out as it is; Python escapes DEL (0x7F) too, so only ' ' to '~' but the quote
    // and the backslash. One search for anything else finds a run's end in one pass.
    private static readonly SearchValues<byte> Plain = SearchValues.Create(PlainBytes());

    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    /// <summary>The most bytes <see cref="WriteString"/> can write for this many UTF-8 bytes.</summary>
    public static int MaxStringLength(int utf8Length) => checked((utf8Length * 6) + 2);

    /// <summary>Writes a quoted, escaped JSON string; returns the bytes written.</summary>
    public static int WriteString(ReadOnlySpan<byte> utf8, Span<byte> destination)
    {
        var at = 0;
        destination[at++] = (byte)'"';
        while (!utf8.IsEmpty)
        {
            // Copy the longest run that needs no escaping in one go: the common case is all of it.
            var escape = utf8.IndexOfAnyExcept(Plain);
            var run = escape < 0 ? utf8.Length : escape;
            utf8[..run].CopyTo(destination[at..]);
            at += run;
            utf8 = utf8[run..];
            if (utf8.IsEmpty)
            {
                break;
            }

            Rune.DecodeFromUtf8(utf8, out var rune, out var consumed);
            at += WriteEscaped(rune, destination[at..]);
            utf8 = utf8[consumed..];
        }

        destination[at++] = (byte)'"';
        return at;
    }

    /// <summary>Writes an integer; returns the bytes written.</summary>
    public static int WriteInteger(long value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }

    private static int WriteEscaped(Rune rune, Span<byte> destination)
    {
        var shortForm = rune.Value switch
        {
            '"' => (byte)'"',
            '\\' => (byte)'\\',
            '\n' => (byte)'n',
            '\r' => (byte)'r',
            '\t' => (byte)'t',
            '\b' => (byte)'b',
            '\f' => (byte)'f',
            _ => (byte)0,
        };
        if (shortForm != 0)
        {
            destination[0] = (byte)'\\';
            destination[1] = shortForm;
            return 2;
        }

        Span<char> units = stackalloc char[2];
        var count = rune.EncodeToUtf16(units);
        for (var i = 0; i < count; i++)
        {
            WriteUnicodeEscape(units[i], destination[(i * 6)..]);
        }

        return count * 6;
    }

    private static byte[] PlainBytes()
    {
        var plain = new List<byte>();
        for (var b = (byte)' '; b <= (byte)'~'; b++)
        {
            if (b is not ((byte)'"' or (byte)'\\'))
            {
                plain.Add(b);
            }
        }

        return [.. plain];
    }

    private static void WriteUnicodeEscape(char unit, Span<byte> destination)
    {
        destination[0] = (byte)'\\';
        destination[1] = (byte)'u';
        destination[2] = Hex[(unit >> 12) & 0xF];
        destination[3] = Hex[(unit >> 8) & 0xF];
        destination[4] = Hex[(unit >> 4) & 0xF];
        destination[5] = Hex[unit & 0xF];
    }
}
