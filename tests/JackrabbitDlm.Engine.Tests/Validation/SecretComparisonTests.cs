using JackrabbitDlm.Engine.Validation;

namespace JackrabbitDlm.Engine.Tests.Validation;

public sealed class SecretComparisonTests
{
    [Fact]
    public void FixedTimeEquals_SameBytesEveryLength_True()
    {
        for (var length = 0; length <= 100; length++)
        {
            var left = Secret(length);
            var right = Secret(length);

            Assert.True(SecretComparison.FixedTimeEquals(left, right), $"length {length}");
        }
    }

    [Fact]
    public void FixedTimeEquals_OneByteDiffersAtEveryPosition_False()
    {
        // 1100 bytes: whole vectors and a tail, as identity secrets are.
        var left = Secret(1100);
        for (var at = 0; at < left.Length; at++)
        {
            foreach (var flip in new byte[] { 0x01, 0x80, 0xFF })
            {
                var right = (byte[])left.Clone();
                right[at] ^= flip;

                Assert.False(SecretComparison.FixedTimeEquals(left, right), $"byte {at}");
            }
        }
    }

    [Fact]
    public void FixedTimeEquals_OneIsAPrefixOfTheOther_False()
    {
        var left = Secret(1100);

        Assert.False(SecretComparison.FixedTimeEquals(left, left.AsSpan(0, 1099)));
        Assert.False(SecretComparison.FixedTimeEquals(left.AsSpan(0, 64), left));
        Assert.False(SecretComparison.FixedTimeEquals([], left));
    }

    private static byte[] Secret(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) + 7);
        }

        return bytes;
    }
}
