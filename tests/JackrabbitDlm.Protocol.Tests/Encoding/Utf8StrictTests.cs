using System.Text;
using JackrabbitDlm.Protocol.Encoding;

namespace JackrabbitDlm.Protocol.Tests.Encoding;

public sealed class Utf8StrictTests
{
    // One, two, three and four bytes per code point, so every length mixes sequences that
    // straddle the 16- and 32-byte blocks the count works in.
    private const string Mixed = "aé€😀b";

    public static TheoryData<int> Lengths =>
        new() { 0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 1000 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void CountCodePoints_MixedText_CountsRunes(int codePoints)
    {
        var text = MixedText(codePoints);
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);

        Assert.Equal(codePoints, Utf8Strict.CountCodePoints(utf8));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void CountCodePoints_EveryStartOffset_MatchesByteByByteCount(int length)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(MixedText(length + 8));
        for (var offset = 0; offset < 8; offset++)
        {
            var slice = utf8.AsSpan(offset, Math.Min(length, utf8.Length - offset));

            Assert.Equal(CountLeadBytes(slice), Utf8Strict.CountCodePoints(slice));
        }
    }

    [Fact]
    public void CountCodePoints_EveryByteValue_CountsAllButContinuationBytes()
    {
        // Not UTF-8, but the count is defined per byte: only 0x80 to 0xBF are not counted.
        var bytes = new byte[256 * 3];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 7);
        }

        Assert.Equal(bytes.Length - (64 * 3), Utf8Strict.CountCodePoints(bytes));
    }

    private static string MixedText(int codePoints)
    {
        var text = new StringBuilder();
        var runes = Mixed.EnumerateRunes().ToArray();
        for (var i = 0; i < codePoints; i++)
        {
            text.Append(runes[(i * 3) % runes.Length].ToString());
        }

        return text.ToString();
    }

    private static int CountLeadBytes(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        foreach (var b in bytes)
        {
            if (b is < 0x80 or > 0xBF)
            {
                count++;
            }
        }

        return count;
    }
}
