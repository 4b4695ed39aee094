using System.Numerics;
using System.Runtime.Intrinsics;
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
        // Every code point has exactly one byte that is not a continuation byte (10xxxxxx), and
        // read as signed, the continuation bytes are exactly those below -64. Values run to
        // megabytes and are counted on every Put and Get, so whole vectors are counted at once.
        var continuations = 0;
        var at = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var below = Vector256.Create((sbyte)-64);
            for (; at <= utf8.Length - Vector256<byte>.Count; at += Vector256<byte>.Count)
            {
                var chunk = Vector256.Create(utf8.Slice(at, Vector256<byte>.Count)).AsSByte();
                continuations += BitOperations.PopCount(
                    Vector256.LessThan(chunk, below).ExtractMostSignificantBits());
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var below = Vector128.Create((sbyte)-64);
            for (; at <= utf8.Length - Vector128<byte>.Count; at += Vector128<byte>.Count)
            {
                var chunk = Vector128.Create(utf8.Slice(at, Vector128<byte>.Count)).AsSByte();
                continuations += BitOperations.PopCount(
                    Vector128.LessThan(chunk, below).ExtractMostSignificantBits());
            }
        }

        foreach (var b in utf8[at..])
        {
            continuations += (b & 0xC0) == 0x80 ? 1 : 0;
        }

        return utf8.Length - continuations;
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>; throws on lone surrogates.</summary>
    public static byte[] GetBytes(string text) => Strict.GetBytes(text);
}
