using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Protocol.Tests.Wire;

public sealed class OwnerIdTests
{
    [Fact]
    public void Equals_SameBytes_EqualAndSameHash()
    {
        var left = OwnerId.FromString("owner-A-4f1c9e");
        var right = new OwnerId("owner-A-4f1c9e"u8.ToArray());

        Assert.Equal(left, right);
        Assert.True(left == right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, OwnerId.FromString("owner-A-4f1c9E"));
    }

    [Fact]
    public void ToString_LongId_ShowsOnlyAPrefix()
    {
        var owner = OwnerId.FromString("owner-A-4f1c9e");

        Assert.Equal("owner-…", owner.ToString());
        Assert.Equal("owner-A-4f1c9e", owner.ToFullString());
        Assert.Equal("abc", OwnerId.FromString("abc").ToString());
    }

    [Theory]
    [InlineData("abcde😀xyz")]
    [InlineData("a😀😀😀😀")]
    [InlineData("😀😀😀😀")]
    public void ToString_PrefixEndingInsideASurrogatePair_NeverSplitsIt(string id)
    {
        var shown = OwnerId.FromString(id).ToString();

        // A lone surrogate cannot be written as UTF-8, so a log line holding it would be damaged.
        Assert.Null(Record.Exception(() => Protocol.Encoding.Utf8Strict.GetBytes(shown)));
        Assert.StartsWith(shown[..^1], id, StringComparison.Ordinal);
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
    }
}
