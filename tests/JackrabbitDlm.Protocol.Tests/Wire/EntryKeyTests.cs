using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Protocol.Tests.Wire;

public sealed class EntryKeyTests
{
    [Fact]
    public void Equals_ComparesBytesExactly()
    {
        var key = EntryKey.FromString("job:state");

        Assert.Equal(key, new EntryKey("job:state"u8.ToArray()));
        Assert.Equal(key.GetHashCode(), EntryKey.FromString("job:state").GetHashCode());
        Assert.NotEqual(key, EntryKey.FromString("Job:state"));
        Assert.NotEqual(key, EntryKey.FromString("job:state "));
        Assert.True(key != EntryKey.FromString("job"));
    }

    [Fact]
    public void Equals_ComposedAndDecomposedAccents_AreDifferentKeys()
    {
        // No normalisation: the original compares Python strings, code point for code point.
        Assert.NotEqual(EntryKey.FromString("\u00e9"), EntryKey.FromString("e\u0301"));
    }

    [Fact]
    public void FromString_LoneSurrogate_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => EntryKey.FromString("k\ud800"));
    }

    [Fact]
    public void ToString_GivesTheKeyText()
    {
        Assert.Equal("ключ😀", EntryKey.FromString("ключ😀").ToString());
        Assert.Equal(string.Empty, default(EntryKey).ToString());
    }
}
