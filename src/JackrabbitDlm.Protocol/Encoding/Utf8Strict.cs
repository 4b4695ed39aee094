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

    /// <summary>The UTF-8 bytes of <paramref name="text"/>; throws on lone surrogates.</summary>
    public static byte[] GetBytes(string text) => Strict.GetBytes(text);
}
