using System.Text.Json;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Tests.TestData;

namespace JackrabbitDlm.Protocol.Tests.Encoding;

public sealed class DlmTextEncodingTests
{
    public static TheoryData<string> EncodingVectorNames =>
        OriginalServerData.Names(OriginalServerData.EncodingVectors);

    public static TheoryData<string> DecodingVectorNames =>
        OriginalServerData.Names(OriginalServerData.DecodingVectors);

    [Fact]
    public void VectorFiles_AreComplete_AllLinesPresent()
    {
        // The theories below take their rows from these files; a truncated copy would pass quietly.
        Assert.Equal(43, OriginalServerData.ReadLines(OriginalServerData.EncodingVectors).Count);
        Assert.Equal(15, OriginalServerData.ReadLines(OriginalServerData.DecodingVectors).Count);
    }

    [Theory]
    [MemberData(nameof(EncodingVectorNames))]
    public void EncodeBytes_EncodingVector_MatchesOriginalExactly(string name)
    {
        var vector = OriginalServerData.Find(OriginalServerData.EncodingVectors, name);
        var bytes = InputBytes(vector);
        var expected = vector.GetProperty("encoded").GetString();

        Assert.Equal(expected, DlmTextEncoding.EncodeBytes(bytes));

        var destination = new byte[DlmTextEncoding.GetEncodedLength(bytes.Length)];
        var written = DlmTextEncoding.Encode(bytes, destination);
        Assert.Equal(bytes.Length * 2, written);
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(destination));
    }

    [Theory]
    [MemberData(nameof(EncodingVectorNames))]
    public void EncodeText_TextVector_MatchesOriginalExactly(string name)
    {
        var vector = OriginalServerData.Find(OriginalServerData.EncodingVectors, name);
        var text = vector.OptionalString("text");
        if (text is null)
        {
            Assert.False(vector.TryGetProperty("utf8_hex", out _), "only byte vectors lack a text");
            return;
        }

        Assert.Equal(vector.GetProperty("utf8_hex").GetString(), Convert.ToHexStringLower(Utf8(text)));
        Assert.Equal(vector.GetProperty("encoded").GetString(), DlmTextEncoding.EncodeText(text));
    }

    [Theory]
    [MemberData(nameof(EncodingVectorNames))]
    public void DecodeBytes_EncodingVector_GivesInputBack(string name)
    {
        var vector = OriginalServerData.Find(OriginalServerData.EncodingVectors, name);
        var encoded = vector.GetProperty("encoded").GetString()!;

        Assert.Equal(InputBytes(vector), DlmTextEncoding.DecodeBytes(encoded));
    }

    [Theory]
    [MemberData(nameof(EncodingVectorNames))]
    public void DecodeText_EncodingVector_GivesTextBackOrNullForNonUtf8(string name)
    {
        var vector = OriginalServerData.Find(OriginalServerData.EncodingVectors, name);
        var encoded = vector.GetProperty("encoded").GetString()!;
        var expected = vector.OptionalString("text");

        // The byte vectors (all byte values, invalid sequences) are not UTF-8.
        Assert.Equal(expected, DlmTextEncoding.DecodeText(encoded));
    }

    [Theory]
    [MemberData(nameof(DecodingVectorNames))]
    public void DecodeBytes_DecodingVector_ValidOrInvalidAsTheOriginal(string name)
    {
        var vector = OriginalServerData.Find(OriginalServerData.DecodingVectors, name);
        var encoded = vector.GetProperty("encoded").GetString()!;
        var valid = vector.GetProperty("valid").GetBoolean();

        var bytes = DlmTextEncoding.DecodeBytes(encoded);

        if (valid)
        {
            Assert.Equal(Convert.FromHexString(vector.GetProperty("bytes_hex").GetString()!), bytes);
        }
        else
        {
            Assert.Null(bytes);
        }
    }

    [Theory]
    [MemberData(nameof(DecodingVectorNames))]
    public void DecodeText_DecodingVector_TextOnlyWhenValidUtf8(string name)
    {
        var vector = OriginalServerData.Find(OriginalServerData.DecodingVectors, name);
        var encoded = vector.GetProperty("encoded").GetString()!;

        // Invalid encodings and valid ones that hold no UTF-8 both give no text.
        Assert.Equal(vector.OptionalString("utf8_text"), DlmTextEncoding.DecodeText(encoded));
    }

    [Theory]
    [MemberData(nameof(DecodingVectorNames))]
    public void TryDecode_DecodingVector_AgreesWithDecodeBytes(string name)
    {
        var vector = OriginalServerData.Find(OriginalServerData.DecodingVectors, name);
        var encoded = vector.GetProperty("encoded").GetString()!;
        var source = Utf8(encoded);
        var destination = new byte[source.Length];

        var decoded = DlmTextEncoding.TryDecode(source, destination, out var written);

        Assert.Equal(vector.GetProperty("valid").GetBoolean(), decoded);
        Assert.Equal(decoded ? source.Length / 2 : 0, written);
    }

    [Fact]
    public void EncodeBytes_EveryByte_FirstCharacterIsOneOfFour()
    {
        for (var b = 0; b < 256; b++)
        {
            var pair = DlmTextEncoding.EncodeBytes([(byte)b]);

            Assert.Equal(2, pair.Length);
            Assert.Contains(pair[0], "1aA2");
            Assert.Equal(DlmTextEncoding.Alphabet[b / 78], pair[0]);
            Assert.Equal(DlmTextEncoding.Alphabet[b % 78], pair[1]);
        }
    }

    [Fact]
    public void DecodeBytes_EveryPairOfAlphabetCharacters_ExactlyTheEncodersPairsDecode()
    {
        var decodable = 0;
        foreach (var first in DlmTextEncoding.Alphabet)
        {
            foreach (var second in DlmTextEncoding.Alphabet)
            {
                var pair = string.Concat(first, second);
                var bytes = DlmTextEncoding.DecodeBytes(pair);
                if (bytes is null)
                {
                    continue;
                }

                decodable++;
                Assert.Equal(pair, DlmTextEncoding.EncodeBytes(bytes));
            }
        }

        Assert.Equal(256, decodable);
    }

    [Theory]
    [InlineData("1V1")]
    [InlineData("1V ")]
    [InlineData("1V\"V")]
    [InlineData("1V\\V")]
    [InlineData("1Vé1")]
    [InlineData("29")]
    [InlineData("zz")]
    public void DecodeBytes_NotAnEncoding_ReturnsNull(string encoded)
    {
        Assert.Null(DlmTextEncoding.DecodeBytes(encoded));
    }

    [Fact]
    public void Encode_DestinationTooShort_Throws()
    {
        var destination = new byte[3];

        Assert.Throws<ArgumentException>(() => DlmTextEncoding.Encode("ab"u8, destination));
    }

    [Fact]
    public void TryDecode_DestinationTooShort_ReturnsFalse()
    {
        var destination = new byte[1];

        Assert.False(DlmTextEncoding.TryDecode("1V1V"u8, destination, out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void TryDecode_BadPairAfterGoodOnes_ReportsNothingWritten()
    {
        var destination = new byte[3];

        Assert.False(DlmTextEncoding.TryDecode("1V1V2h"u8, destination, out var written));
        Assert.Equal(0, written);
    }

    private static byte[] InputBytes(JsonElement vector)
    {
        var hex = vector.OptionalString("utf8_hex") ?? vector.GetProperty("bytes_hex").GetString()!;
        return Convert.FromHexString(hex);
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
