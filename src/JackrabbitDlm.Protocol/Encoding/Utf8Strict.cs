using System.Text;

namespace JackrabbitDlm.Protocol.Encoding;

/// <summary>UTF-8 conversion that refuses invalid input instead of substituting U+FFFD.</summary>
public static class Utf8Strict
{
    private static readonly UTF8Encoding Strict =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Converts <paramref name="bytes"/> to a string.</summary>
    /// <returns>False when the bytes are not well-formed UTF-8.</returns>
    public static bool TryGetString(ReadOnlySpan<byte> bytes, out string text)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            text = string.Empty;
            return false;
        }

        text = Strict.GetString(bytes);
        return true;
    }

    /// <summary>
    /// The number of Unicode code points in well-formed UTF-8, as the protocol's size limits count
    /// them (Python's <c>len</c> of the decoded text).
    /// </summary>
    public static int CountCodePoints(ReadOnlySpan<byte> utf8)
    {
        // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
        var count = 0;
        foreach (var b in utf8)
        {
            count += (b & 0xC0) != 0x80 ? 1 : 0;
        }

        return count;
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>; throws on lone surrogates.</summary>
    public static byte[] GetBytes(string text) => Strict.GetBytes(text);
}
