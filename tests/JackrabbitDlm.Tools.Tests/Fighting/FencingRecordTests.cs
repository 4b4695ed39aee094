using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Tools.Tests.Fighting;

public sealed class FencingRecordTests
{
    [Fact]
    public void TryParse_Formatted_RoundTrips()
    {
        var record = new FencingRecord(1234567890123, "4242-beef");

        Assert.True(FencingRecord.TryParse(record.Format(), out var read));
        Assert.Equal(record, read);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("12 ")]
    [InlineData(" tag")]
    [InlineData("-1 tag")]
    [InlineData("x1 tag")]
    public void TryParse_Malformed_IsFalse(string? text)
    {
        Assert.False(FencingRecord.TryParse(text, out _));
    }
}
