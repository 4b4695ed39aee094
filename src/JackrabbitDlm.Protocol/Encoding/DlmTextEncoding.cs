using System.Diagnostics;
using System.Runtime.InteropServices;

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

    // The byte each two-character pair stands for, indexed by the pair read as a little-endian
    // 16-bit number, or -1 for a pair the encoder never produces: one read per pair, and no
    // branch, since an invalid pair shows as a negative value at the end.
    private static readonly short[] ByteByPair = BuildByteByPairTable();

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

        var encoded = DlmTextVectors.Encode(source, destination);
        EncodeScalar(source[encoded..], destination[(encoded * 2)..]);
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
                chars[2 * i] = Alphabet[input[i] / Radix];
                chars[(2 * i) + 1] = Alphabet[input[i] % Radix];
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

        var decoded = DlmTextVectors.TryDecode(source, destination);
        if (decoded < 0 || !TryDecodeScalar(source[decoded..], destination[(decoded / 2)..]))
        {
            return false;
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

    /// <summary>Encodes one byte at a time; the destination holds twice the input.</summary>
    internal static void EncodeScalar(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var pairs = PairByByte;
        var output = MemoryMarshal.Cast<byte, ushort>(destination[..(source.Length * 2)]);
        for (var i = 0; i < source.Length; i++)
        {
            output[i] = pairs[source[i]];
        }
    }

    /// <summary>Decodes one pair at a time; the input has an even length.</summary>
    /// <returns>False when a pair is not one the encoder produces.</returns>
    internal static bool TryDecodeScalar(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var table = ByteByPair;
        var input = MemoryMarshal.Cast<byte, ushort>(source);
        short invalid = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var value = table[input[i]];
            invalid |= value;
            destination[i] = (byte)value;
        }

        return invalid >= 0;
    }

    private static bool IsAscii(string text) => System.Text.Ascii.IsValid(text);

    private static ushort[] BuildPairTable()
    {
        Debug.Assert(Alphabet.Length == Radix, "the alphabet has 78 characters");
        var table = new ushort[256];
        for (var b = 0; b < table.Length; b++)
        {
            // In memory the first character comes first, whatever the machine's byte order.
            var first = Alphabet[b / Radix];
            var second = Alphabet[b % Radix];
            table[b] = BitConverter.IsLittleEndian
                ? (ushort)(first | (second << 8))
                : (ushort)((first << 8) | second);
        }

        return table;
    }

    private static short[] BuildByteByPairTable()
    {
        var table = new short[ushort.MaxValue + 1];
        Array.Fill(table, (short)-1);
        var pairs = BuildPairTable();
        for (var b = 0; b < pairs.Length; b++)
        {
            table[pairs[b]] = (short)b;
        }

        return table;
    }
}
