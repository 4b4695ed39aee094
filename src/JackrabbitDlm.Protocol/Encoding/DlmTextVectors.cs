using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace JackrabbitDlm.Protocol.Encoding;

/// <summary>
/// The bulk of <see cref="DlmTextEncoding"/> with AVX-512 VBMI: the whole 78-character alphabet
/// fits one two-register byte permutation, so 32 bytes are encoded or decoded per step. Both
/// methods handle whole blocks only and leave the rest to the scalar loops.
/// </summary>
internal static class DlmTextVectors
{
    /// <summary>Input bytes taken per encoding step.</summary>
    public const int EncodeBlock = 32;

    /// <summary>Input characters taken per decoding step.</summary>
    public const int DecodeBlock = 64;

    private const byte NotInAlphabet = 0x80;

    // The alphabet, and each ASCII character's position in it (NotInAlphabet for the others),
    // as the 128-byte tables of the two-register permutation.
    private static readonly byte[] AlphabetTable = BuildAlphabetTable();
    private static readonly byte[] PositionTable = BuildPositionTable();

    /// <summary>True when this machine runs the vector code.</summary>
    public static bool IsSupported => Avx512Vbmi.IsSupported && Avx512BW.IsSupported;

    /// <summary>Encodes the whole blocks of <paramref name="source"/>.</summary>
    /// <returns>The number of input bytes encoded; twice as many were written.</returns>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!IsSupported || source.Length < EncodeBlock)
        {
            return 0;
        }

        var blocks = source.Length / EncodeBlock;
        if (destination.Length < blocks * EncodeBlock * 2)
        {
            throw new ArgumentException("The destination is too short.", nameof(destination));
        }

        var alphabetLow = LoadTable(AlphabetTable, 0);
        var alphabetHigh = LoadTable(AlphabetTable, 64);
        var reciprocal = Vector512.Create((ushort)841);
        var radix = Vector512.Create((ushort)78);
        ref var input = ref MemoryMarshal.GetReference(source);
        ref var output = ref MemoryMarshal.GetReference(destination);
        for (nuint block = 0; block < (nuint)blocks; block++)
        {
            var bytes = Avx512BW.ConvertToVector512UInt16(
                Vector256.LoadUnsafe(ref input, block * EncodeBlock));

            // (b * 841) >> 16 is b / 78 for every byte value; the tests check all 256.
            var first = Avx512BW.MultiplyHigh(bytes, reciprocal);
            var second = bytes - (first * radix);
            var indices = (first | (second << 8)).AsByte();
            Avx512Vbmi.PermuteVar64x8x2(alphabetLow, indices, alphabetHigh)
                .StoreUnsafe(ref output, block * EncodeBlock * 2);
        }

        return blocks * EncodeBlock;
    }

    /// <summary>Decodes the whole blocks of <paramref name="source"/>.</summary>
    /// <returns>
    /// The number of input characters decoded (half as many bytes written), or -1 when a block
    /// holds a character outside the alphabet or a pair the encoder never produces.
    /// </returns>
    public static int TryDecode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!IsSupported || source.Length < DecodeBlock)
        {
            return 0;
        }

        var blocks = source.Length / DecodeBlock;
        if (destination.Length < blocks * DecodeBlock / 2)
        {
            throw new ArgumentException("The destination is too short.", nameof(destination));
        }

        var positionLow = LoadTable(PositionTable, 0);
        var positionHigh = LoadTable(PositionTable, 64);
        var radix = Vector512.Create((ushort)78);
        var invalidCharacters = Vector512<byte>.Zero;
        var values = Vector512<ushort>.Zero;
        ref var input = ref MemoryMarshal.GetReference(source);
        ref var output = ref MemoryMarshal.GetReference(destination);
        for (nuint block = 0; block < (nuint)blocks; block++)
        {
            var characters = Vector512.LoadUnsafe(ref input, block * DecodeBlock);

            // The permutation reads only the low 7 bits: a character above 127 is caught by
            // its own high bit, one outside the alphabet by its position's.
            var positions = Avx512Vbmi.PermuteVar64x8x2(positionLow, characters, positionHigh);
            invalidCharacters |= characters | positions;
            var pairs = positions.AsUInt16();
            var value = ((pairs & Vector512.Create((ushort)0xFF)) * radix) + (pairs >> 8);
            values |= value;
            Avx512BW.ConvertToVector256Byte(value).StoreUnsafe(ref output, block * DecodeBlock / 2);
        }

        // Positions of valid characters are below 78, so a valid pair's value is below 78 * 78
        // and anything above 255 shows in the high bytes.
        var invalid = (invalidCharacters & Vector512.Create(NotInAlphabet)) != Vector512<byte>.Zero
            || (values & Vector512.Create((ushort)0xFF00)) != Vector512<ushort>.Zero;
        return invalid ? -1 : blocks * DecodeBlock;
    }

    private static Vector512<byte> LoadTable(byte[] table, int offset) =>
        Vector512.Create(table.AsSpan(offset, 64));

    private static byte[] BuildAlphabetTable()
    {
        // Padded to the 128 bytes the permutation reads; the padding is never picked.
        var table = new byte[128];
        System.Text.Encoding.ASCII.GetBytes(DlmTextEncoding.Alphabet, table);
        return table;
    }

    private static byte[] BuildPositionTable()
    {
        var table = new byte[128];
        Array.Fill(table, NotInAlphabet);
        for (var i = 0; i < DlmTextEncoding.Alphabet.Length; i++)
        {
            table[DlmTextEncoding.Alphabet[i]] = (byte)i;
        }

        return table;
    }
}
