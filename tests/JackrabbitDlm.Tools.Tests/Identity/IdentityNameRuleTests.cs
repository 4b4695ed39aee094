using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Tools.Identity;

namespace JackrabbitDlm.Tools.Tests.Identity;

public sealed class IdentityNameRuleTests
{
    public static TheoryData<string> Names()
    {
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            "", ".", "..", ".x", "x.", "A-b_c.d", "../x", "x/../y", "with space", "tab\t",
            "caf\u00e9", "\u0663", "x\0", new string('a', 128), new string('a', 129), "-lead", "_lead",
        };

        // Every ASCII character alone and after a plain first character.
        for (var c = 0; c < 128; c++)
        {
            names.Add(((char)c).ToString());
            names.Add("a" + (char)c);
        }

        return new TheoryData<string>(names);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void IsPlain_AnyName_AgreesWithTheEngine(string name)
    {
        Assert.Equal(IdentityNames.IsPlain(name), IdentityNameRule.IsPlain(name));
    }

    [Fact]
    public void IsPlain_Null_IsFalse()
    {
        Assert.False(IdentityNameRule.IsPlain(null));
    }
}
