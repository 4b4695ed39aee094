using System.Diagnostics;

namespace JackrabbitDlm.Protocol.Encoding;

/// <summary>
/// The JackrabbitDLM text encoding ("dlmEncode"): every byte becomes two characters of a
/// fixed 78-character alphabet, first <c>alphabet[b / 78]</c>, then <c>alphabet[b % 78]</c>.
/// It hides plain text from a casual observer; it is not encryption.
/// </summary>
/// <remarks>All members are thread-safe and allocation-free unless they return a new array or string.</remarks>
public static class DlmTextEncoding
{
    /// <summary>The 78 characters of the encoding, in order.</summary>
    public const string Alphabet =
        "1aA2bB3cC4dD5eE6fF7gG8hH9iI0jJ!kK@lL#mM$nN%oO^pP&qQ*rR(sS)tT/uU?vV=wW+xX;yY:zZ";

    private const int Radix = 78;

    // Each byte value's two output characters, packed low byte first, so encoding is one
    // table read and one two-byte store per input byte.
    private static readonly ushort[] PairByByte = BuildPairTable();

    // Index of each ASCII character in the alphabet, or -1 for characters outside it.
    private static readonly sbyte[] IndexByChar = BuildIndexTable();

    /// <summary>The encoded length of <paramref name="byteCount"/> input bytes.</summary>
    public static int GetEncodedLength(int byteCount) => checked(byteCount * 2);

    /// <summary>
    /// Encodes <paramref name="source"/> into <paramref name="destination"/> as ASCII bytes.
    /// </summary>
    /// <returns>The number of bytes written: always twice the input length.</returns>
    /// <exception cref="ArgumentException">The destination is shorter than twice the input.</exception>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < source.Length * 2)
        {
            throw new ArgumentException("The destination is too short for the encoded text.", nameof(destination));
        }

        var pairs = PairByByte;
        for (var i = 0; i < source.Length; i++)
        {
            var pair = pairs[source[i]];
            destination[2 * i] = (byte)pair;
            destination[(2 * i) + 1] = (byte)(pair >> 8);
        }

        return source.Length * 2;
    }

    /// <summary>Encodes the UTF-8 bytes of <paramref name="text"/> and returns the encoded text.</summary>
    public static string EncodeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EncodeBytes(System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Encodes <paramref name="bytes"/> and returns the encoded text.</summary>
    public static string EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        return string.Create(bytes.Length * 2, bytes.ToArray(), static (chars, input) =>
        {
            for (var i = 0; i < input.Length; i++)
            {
                var pair = PairByByte[input[i]];
                chars[2 * i] = (char)(byte)pair;
                chars[(2 * i) + 1] = (char)(pair >> 8);
            }
        });
    }

    /// <summary>
    /// Decodes ASCII-encoded <paramref name="source"/> into <paramref name="destination"/>.
    /// </summary>
    /// <returns>
    /// False, with <paramref name="bytesWritten"/> 0, when the input has an odd length, a character
    /// outside the alphabet or a pair the encoder never produces (a value above 255), or when the
    /// destination is shorter than half the input.
    /// </returns>
    public static bool TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if ((source.Length & 1) != 0 || destination.Length < source.Length / 2)
        {
            return false;
        }

        var index = IndexByChar;
        for (var i = 0; i < source.Length; i += 2)
        {
            var high = index[source[i]];
            var low = index[source[i + 1]];
            var value = (high * Radix) + low;
            if ((high | low) < 0 || value > byte.MaxValue)
            {
                return false;
            }

            destination[i / 2] = (byte)value;
        }

        bytesWritten = source.Length / 2;
        return true;
    }

    /// <summary>Decodes encoded text to its bytes.</summary>
    /// <returns>The bytes, or null when the text is not a valid encoding (see <see cref="TryDecode"/>).</returns>
    public static byte[]? DecodeBytes(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (!IsAscii(encoded))
        {
            return null;
        }

        var ascii = System.Text.Encoding.ASCII.GetBytes(encoded);
        var bytes = new byte[ascii.Length / 2];
        return TryDecode(ascii, bytes, out _) ? bytes : null;
    }

    /// <summary>Decodes encoded text to the UTF-8 text it holds.</summary>
    /// <returns>The text, or null when the encoding is invalid or the bytes are not valid UTF-8.</returns>
    public static string? DecodeText(string encoded)
    {
        var bytes = DecodeBytes(encoded);
        if (bytes is null)
        {
            return null;
        }

        return Utf8Strict.TryGetString(bytes, out var text) ? text : null;
    }

    private static bool IsAscii(string text) => System.Text.Ascii.IsValid(text);

    private static ushort[] BuildPairTable()
    {
        Debug.Assert(Alphabet.Length == Radix, "the alphabet has 78 characters");
        var table = new ushort[256];
        for (var b = 0; b < table.Length; b++)
        {
            table[b] = (ushort)(Alphabet[b / Radix] | (Alphabet[b % Radix] << 8));
        }

        return table;
    }

    private static sbyte[] BuildIndexTable()
    {
        var table = new sbyte[256];
        Array.Fill(table, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            table[Alphabet[i]] = (sbyte)i;
        }

        return table;
    }
}
