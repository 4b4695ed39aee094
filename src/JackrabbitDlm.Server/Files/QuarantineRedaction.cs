using System.Buffers;
using System.Text;
using System.Text.Json;
using JackrabbitDlm.Protocol.Encoding;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// Turns a refused request line into what the quarantine may keep: its decoded text with every
/// <c>Identity</c> value replaced by <c>"&lt;redacted&gt;"</c>. Whatever the line holds, no identity
/// secret comes out.
/// </summary>
internal static class QuarantineRedaction
{
    /// <summary>What stands in for a removed secret.</summary>
    public static ReadOnlySpan<byte> Redacted => "\"<redacted>\""u8;

    /// <summary>The most bytes kept of a line that does not decode.</summary>
    public const int UndecodedBytesKept = 1024;

    // Any 12 bytes of a secret encode to 24 alphabet characters in a row; plain JSON rarely has
    // such runs, since quotes, spaces, commas, '-' and '_' are not in the alphabet.
    private const int EncodedRunLength = 24;

    private static readonly SearchValues<byte> AlphabetBytes =
        SearchValues.Create(Encoding.ASCII.GetBytes(DlmTextEncoding.Alphabet));

    private static ReadOnlySpan<byte> IdentityName => "identity"u8;

    // A JSON string escape can spell out any letter of a key, so past one, nothing is trusted.
    private static ReadOnlySpan<byte> UnicodeEscape => "\\u"u8;

    /// <summary>The bytes to keep for <paramref name="line"/> (without its newline).</summary>
    public static byte[] Redact(ReadOnlySpan<byte> line)
    {
        line = line.Trim(" \t\r\n"u8);
        var decoded = new byte[line.Length / 2];
        if (DlmTextEncoding.TryDecode(line, decoded, out _))
        {
            return RedactText(decoded);
        }

        // Not our encoding: maybe plain JSON sent by mistake, maybe a damaged or shifted encoded
        // request whose secret we cannot locate. Keep only what comes before either could start.
        var cut = Math.Min(UnsafeFrom(line), FirstEncodedRun(line));
        return CutAt(line, Math.Min(cut, UndecodedBytesKept));
    }

    /// <summary>Redacts decoded request bytes: by parsing them, or failing that, by cutting them.</summary>
    private static byte[] RedactText(byte[] text)
    {
        var ranges = IdentityValueRanges(text);
        if (ranges is null)
        {
            return CutAt(text, UnsafeFrom(text));
        }

        var output = new List<byte>(text.Length);
        var at = 0;
        foreach (var (start, end) in ranges)
        {
            output.AddRange(text.AsSpan(at, start - at));
            output.AddRange(Redacted);
            at = end;
        }

        output.AddRange(text.AsSpan(at));
        return [.. output];
    }

    /// <summary>
    /// The byte ranges of the values of every property named <c>identity</c> in any case, at any
    /// depth: a client that misspells the field's case still sent its secret.
    /// </summary>
    /// <returns>Null when the text is not one well-formed JSON value with readable names.</returns>
    private static List<(int Start, int End)>? IdentityValueRanges(byte[] text)
    {
        var ranges = new List<(int Start, int End)>();
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || !IsIdentityName(ref reader))
                {
                    continue;
                }

                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                ranges.Add((start, (int)reader.BytesConsumed));
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a property name that is not UTF-8 cannot be read as text.
            return null;
        }

        return ranges;
    }

    private static bool IsIdentityName(ref Utf8JsonReader reader)
    {
        var name = reader.GetString();
        return string.Equals(name, "Identity", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Where text stops being safe to keep: at "identity" (any case), a \u escape, or the first
    /// byte that is not UTF-8, past which no name can be read with certainty.
    /// </summary>
    private static int UnsafeFrom(ReadOnlySpan<byte> text)
    {
        var identity = IndexOfIgnoreCase(text, IdentityName);
        var escape = text.IndexOf(UnicodeEscape);
        var cut = Math.Min(identity < 0 ? text.Length : identity, escape < 0 ? text.Length : escape);
        return Math.Min(cut, FirstInvalidUtf8(text));
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        var at = 0;
        while (at < text.Length && Rune.DecodeFromUtf8(text[at..], out _, out var length) == OperationStatus.Done)
        {
            at += length;
        }

        return at;
    }

    /// <summary>Where the first run of <see cref="EncodedRunLength"/> alphabet characters starts.</summary>
    private static int FirstEncodedRun(ReadOnlySpan<byte> text)
    {
        var runStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!AlphabetBytes.Contains(text[i]))
            {
                runStart = i + 1;
            }
            else if (i + 1 - runStart >= EncodedRunLength)
            {
                return runStart;
            }
        }

        return text.Length;
    }

    private static byte[] CutAt(ReadOnlySpan<byte> text, int length)
    {
        if (length >= text.Length)
        {
            return text.ToArray();
        }

        var output = new byte[length + Redacted.Length];
        text[..length].CopyTo(output);
        Redacted.CopyTo(output.AsSpan(length));
        return output;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> asciiLower)
    {
        for (var i = 0; i + asciiLower.Length <= text.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text.Slice(i, asciiLower.Length), asciiLower))
            {
                return i;
            }
        }

        return -1;
    }
}
