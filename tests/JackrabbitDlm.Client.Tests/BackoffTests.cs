using JackrabbitDlm.Client.Transport;

namespace JackrabbitDlm.Client.Tests;

public sealed class BackoffTests
{
    [Fact]
    public void Delay_FirstAttempt_LiesInUpperHalfOfInitial()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(25), Backoff.Delay(0, 0.0));
        Assert.True(Backoff.Delay(0, 0.999999) < TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Delay_LaterAttempts_DoubleUntilTheCap()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(50), Backoff.Delay(1, 0.0));
        Assert.Equal(TimeSpan.FromMilliseconds(100), Backoff.Delay(2, 0.0));
        Assert.Equal(TimeSpan.FromMilliseconds(800), Backoff.Delay(5, 0.0));
        Assert.Equal(TimeSpan.FromSeconds(1), Backoff.Delay(6, 0.0));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(63)]
    [InlineData(int.MaxValue)]
    public void Delay_ManyAttempts_StaysWithinTheCap(int attempt)
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Backoff.Delay(attempt, 0.0));
        var highest = Backoff.Delay(attempt, 0.999999);
        Assert.True(highest < Backoff.Max && highest > TimeSpan.FromSeconds(1.99));
    }

    [Fact]
    public void Delay_RandomDraws_SpreadOverTheRange()
    {
        var random = new Random(1234);
        var delays = Enumerable.Range(0, 200).Select(_ => Backoff.Delay(3, random.NextDouble())).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)));
        Assert.True(delays.Distinct().Count() > 100);
    }

    [Fact]
    public void Delay_NegativeAttempt_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(-1, 0.5));
    }
}
