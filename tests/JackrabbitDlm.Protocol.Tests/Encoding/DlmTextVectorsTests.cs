using JackrabbitDlm.Protocol.Encoding;

namespace JackrabbitDlm.Protocol.Tests.Encoding;

/// <summary>
/// The vector paths of <see cref="DlmTextEncoding"/> against the byte-at-a-time ones and the
/// alphabet itself, at lengths on and around the block sizes. On a machine without the vector
/// instructions both sides are the scalar code and the tests still hold.
/// </summary>
public sealed class DlmTextVectorsTests
{
    private const int Block = DlmTextVectors.DecodeBlock;

    // Characters that are never in the alphabet: controls, space, quote, backslash, the last
    // ASCII ones, and bytes above 127 whose low 7 bits are alphabet characters.
    private static readonly byte[] Outsiders =
        [0x00, 0x0A, (byte)' ', (byte)'"', (byte)'\\', (byte)'~', 0x7F, 0x80, 0xB1, 0xE1, 0xFF];

    [Fact]
    public void Encode_EveryLengthUpToFourBlocks_MatchesAlphabet()
    {
        var bytes = AllByteValues(4 * DlmTextVectors.EncodeBlock * 8);
        for (var length = 0; length <= 4 * DlmTextVectors.EncodeBlock + 1; length++)
        {
            for (var offset = 0; offset < 256; offset += 37)
            {
                var source = bytes.AsSpan(offset, length);
                var destination = new byte[length * 2];

                DlmTextEncoding.Encode(source, destination);

                Assert.Equal(ReferenceEncode(source), destination);
            }
        }
    }

    [Fact]
    public void Encode_EveryByteValueInEveryBlockLane_MatchesScalar()
    {
        // Shifting by one after every 256 bytes puts each value in each of the 32 lanes.
        var source = new byte[256 * 33];
        for (var i = 0; i < source.Length; i++)
        {
            source[i] = (byte)(i + (i / 256));
        }

        var vector = new byte[source.Length * 2];
        var scalar = new byte[source.Length * 2];

        DlmTextEncoding.Encode(source, vector);
        DlmTextEncoding.EncodeScalar(source, scalar);

        Assert.Equal(scalar, vector);
    }

    [Fact]
    public void TryDecode_EveryLengthUpToFourBlocks_GivesInputBack()
    {
        var bytes = AllByteValues(8 * Block);
        for (var length = 0; length <= 2 * Block + 1; length++)
        {
            var encoded = ReferenceEncode(bytes.AsSpan(length % 256, length));
            var destination = new byte[length];

            Assert.True(DlmTextEncoding.TryDecode(encoded, destination, out var written));
            Assert.Equal(length, written);
            Assert.Equal(bytes.AsSpan(length % 256, length).ToArray(), destination);
        }
    }

    [Fact]
    public void TryDecode_EveryPairOfByteValues_AgreesWithScalar()
    {
        var valid = ReferenceEncode(AllByteValues(Block / 2));
        var vectorOutput = new byte[Block / 2];
        var scalarOutput = new byte[Block / 2];
        for (var first = 0; first < 256; first++)
        {
            for (var second = 0; second < 256; second++)
            {
                // A different pair slot of the block for each pair, all slots in turn.
                var source = (byte[])valid.Clone();
                var at = 2 * ((first + second) % (Block / 2));
                source[at] = (byte)first;
                source[at + 1] = (byte)second;

                var vector = DlmTextEncoding.TryDecode(source, vectorOutput, out _);
                var scalar = DlmTextEncoding.TryDecodeScalar(source, scalarOutput);

                Assert.Equal(scalar, vector);
                Assert.Equal(IsEncoderPair((byte)first, (byte)second), vector);
                if (vector)
                {
                    Assert.Equal(scalarOutput, vectorOutput);
                }
            }
        }
    }

    [Fact]
    public void TryDecode_InvalidPairAtEveryPosition_Refused()
    {
        // Three blocks and a tail: positions in every lane, at block edges and past the blocks.
        var length = (3 * Block) + 10;
        var valid = ReferenceEncode(AllByteValues(length / 2));
        var destination = new byte[length / 2];
        foreach (var pair in InvalidPairs())
        {
            for (var at = 0; at < length; at += 2)
            {
                var source = (byte[])valid.Clone();
                source[at] = pair.First;
                source[at + 1] = pair.Second;

                Assert.False(
                    DlmTextEncoding.TryDecode(source, destination, out var written),
                    $"pair {pair.First:x2} {pair.Second:x2} at {at}");
                Assert.Equal(0, written);
            }
        }
    }

    [Fact]
    public void TryDecode_OddLengthOverBlocks_Refused()
    {
        var encoded = ReferenceEncode(AllByteValues(Block));
        var destination = new byte[Block];

        var oneBlockAndOne = encoded.AsSpan(0, Block + 1);
        var twoBlocksLessOne = encoded.AsSpan(0, (2 * Block) - 1);

        Assert.False(DlmTextEncoding.TryDecode(oneBlockAndOne, destination, out _));
        Assert.False(DlmTextEncoding.TryDecode(twoBlocksLessOne, destination, out _));
    }

    private static IEnumerable<(byte First, byte Second)> InvalidPairs()
    {
        foreach (var outsider in Outsiders)
        {
            yield return (outsider, (byte)'1');
            yield return ((byte)'a', outsider);
        }

        // Alphabet characters whose pair is above 255: 3 * 78 + 22, and a first character past
        // the fourth, alone and with the smallest second character.
        yield return ((byte)'2', (byte)'9');
        yield return ((byte)'2', (byte)'Z');
        yield return ((byte)'b', (byte)'1');
        yield return ((byte)'Z', (byte)'Z');
    }

    private static bool IsEncoderPair(byte first, byte second)
    {
        var high = DlmTextEncoding.Alphabet.IndexOf((char)first, StringComparison.Ordinal);
        var low = DlmTextEncoding.Alphabet.IndexOf((char)second, StringComparison.Ordinal);
        return first < 128 && second < 128 && high >= 0 && low >= 0 && (high * 78) + low <= 255;
    }

    private static byte[] ReferenceEncode(ReadOnlySpan<byte> bytes)
    {
        var encoded = new byte[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            encoded[2 * i] = (byte)DlmTextEncoding.Alphabet[bytes[i] / 78];
            encoded[(2 * i) + 1] = (byte)DlmTextEncoding.Alphabet[bytes[i] % 78];
        }

        return encoded;
    }

    private static byte[] AllByteValues(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)i;
        }

        return bytes;
    }
}
