using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Protocol.Tests.Wire;

/// <summary>The grammar of Python's <c>float()</c>, as the original reads <c>Expire</c> text.</summary>
public sealed class ExpireTextTests
{
    [Theory]
    [InlineData("7", 7)]
    [InlineData(" 7 ", 7)]
    [InlineData("\t3\n", 3)]
    [InlineData("1_0", 10)]
    [InlineData("1_000_000", 1_000_000)]
    [InlineData("1e2", 100)]
    [InlineData("1E2", 100)]
    [InlineData("1e+2", 100)]
    [InlineData("1e-2", 0.01)]
    [InlineData("1.e2", 100)]
    [InlineData("+5", 5)]
    [InlineData("-5", -5)]
    [InlineData(".5", 0.5)]
    [InlineData("+.5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("007", 7)]
    [InlineData("3543.5", 3543.5)]
    [InlineData("1_0.5_5e1_0", 105500000000)]
    [InlineData("1e1_0", 1e10)]
    public void TryParse_PythonFloatText_Parses(string text, double expected)
    {
        Assert.True(ExpireText.TryParse(text, out var seconds));
        Assert.Equal(expected, seconds);
    }

    [Theory]
    [InlineData("1__0")]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("1_.5")]
    [InlineData("1._5")]
    [InlineData("1e_1")]
    [InlineData("1e1_")]
    [InlineData("0x10")]
    [InlineData("0b1")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("e5")]
    [InlineData(".")]
    [InlineData("-.e1")]
    [InlineData("+")]
    [InlineData("--5")]
    [InlineData("+-5")]
    [InlineData("5-")]
    [InlineData("1 0")]
    [InlineData("1,5")]
    [InlineData("30s")]
    [InlineData("infinit")]
    [InlineData("nana")]
    [InlineData("in f")]
    public void TryParse_NotPythonFloatText_IsRefused(string text)
    {
        Assert.False(ExpireText.TryParse(text, out _));
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("+nan")]
    [InlineData("-nan")]
    [InlineData(" nan ")]
    public void TryParse_Nan_ParsesAsNaN(string text)
    {
        // It parses as in Python; the request reader then refuses it as not finite (section 9).
        Assert.True(ExpireText.TryParse(text, out var seconds));
        Assert.True(double.IsNaN(seconds));
    }

    [Theory]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("INF", double.PositiveInfinity)]
    [InlineData("+inf", double.PositiveInfinity)]
    [InlineData("infinity", double.PositiveInfinity)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("1e400", double.PositiveInfinity)]
    public void TryParse_Infinity_ParsesAsInfinity(string text, double expected)
    {
        Assert.True(ExpireText.TryParse(text, out var seconds));
        Assert.Equal(expected, seconds);
    }
}
