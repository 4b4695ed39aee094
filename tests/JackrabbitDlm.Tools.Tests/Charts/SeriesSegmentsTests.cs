using JackrabbitDlm.Tools.Charts;

namespace JackrabbitDlm.Tools.Tests.Charts;

public sealed class SeriesSegmentsTests
{
    [Fact]
    public void Positive_ZerosBetweenRuns_SplitsThere()
    {
        var runs = SeriesSegments.Positive([0, 1, 2, 0, 0, 3, 0, 4, 5]);

        Assert.Equal([1..3, 5..6, 7..9], runs);
    }

    [Fact]
    public void Positive_AllZero_HasNoRuns()
    {
        Assert.Empty(SeriesSegments.Positive([0, 0, 0]));
    }
}
