using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Protocol.Tests.Wire;

public sealed class IdentityNamesTests
{
    [Theory]
    [InlineData("ops")]
    [InlineData("A-b_c.d")]
    [InlineData("x.")]
    [InlineData("-lead")]
    public void IsPlain_PlainFileName_IsTrue(string name) => Assert.True(IdentityNames.IsPlain(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("../x")]
    [InlineData("x/y")]
    [InlineData("x\\y")]
    [InlineData("with space")]
    [InlineData("caf\u00e9")]
    [InlineData("x\0")]
    public void IsPlain_AnythingElse_IsFalse(string? name) => Assert.False(IdentityNames.IsPlain(name));

    [Fact]
    public void IsPlain_LengthCap_Is128()
    {
        Assert.True(IdentityNames.IsPlain(new string('a', IdentityNames.MaxLength)));
        Assert.False(IdentityNames.IsPlain(new string('a', IdentityNames.MaxLength + 1)));
    }
}
