using System.Text;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Tests.Files;

public sealed class FileIdentityStoreTests : IDisposable
{
    private static readonly string Secret = new('s', IdentityRecord.MinSecretLength);

    private readonly TempBase _base = new();
    private readonly FileIdentityStore _store;

    public FileIdentityStoreTests()
    {
        _store = new FileIdentityStore(_base.Directories);
    }

    public void Dispose() => _base.Dispose();

    [Fact]
    public void Find_ValidFile_ReturnsSecretAndDefaultMaxSize()
    {
        WriteConfig("alice", $$"""{"Identity": "{{Secret}}"}""");

        var record = _store.Find("alice");

        Assert.NotNull(record);
        Assert.Equal(Encoding.UTF8.GetBytes(Secret), record.SecretUtf8);
        Assert.Equal(IdentityRecord.DefaultMaxValueLength, record.MaxValueLength);
    }

    [Fact]
    public void Find_MaxSize_ReturnsIt()
    {
        WriteConfig("big", $$"""{"MaxSize": 1048576, "Identity": "{{Secret}}"}""");

        Assert.Equal(1048576, _store.Find("big")?.MaxValueLength);
    }

    [Fact]
    public void Find_MissingFile_ReturnsNull()
    {
        Assert.Null(_store.Find("nobody"));
    }

    [Fact]
    public void Find_SecretOneCharacterShort_ReturnsNull()
    {
        WriteConfig("short", $$"""{"Identity": "{{Secret[1..]}}"}""");

        Assert.Null(_store.Find("short"));
    }

    [Fact]
    public void Find_SecretCountedInCodePoints_AstralCharactersCountOnce()
    {
        // 600 astral characters are 1200 UTF-16 units but only 600 characters: too short.
        WriteConfig("astral", $$"""{"Identity": "{{string.Concat(Enumerable.Repeat("😀", 600))}}"}""");

        Assert.Null(_store.Find("astral"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"Identity\": ")]
    [InlineData("[]")]
    [InlineData("\"just a string\"")]
    [InlineData("")]
    public void Find_NotAJsonObject_ReturnsNull(string content)
    {
        WriteConfig("bad", content);

        Assert.Null(_store.Find("bad"));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("null")]
    [InlineData("[\"x\"]")]
    [InlineData("{}")]
    public void Find_IdentityNotAString_ReturnsNull(string identityJson)
    {
        WriteConfig("typed", $$"""{"Identity": {{identityJson}}}""");

        Assert.Null(_store.Find("typed"));
    }

    [Fact]
    public void Find_NoIdentityField_ReturnsNull()
    {
        WriteConfig("empty", """{"MaxSize": 100}""");

        Assert.Null(_store.Find("empty"));
    }

    [Theory]
    [InlineData("\"20000\"")]
    [InlineData("-1")]
    [InlineData("null")]
    public void Find_MaxSizeNotANonNegativeNumber_ReturnsNull(string maxSizeJson)
    {
        WriteConfig("limits", $$"""{"Identity": "{{Secret}}", "MaxSize": {{maxSizeJson}}}""");

        Assert.Null(_store.Find("limits"));
    }

    [Fact]
    public void Find_NameReachingOutsideConfig_ReturnsNull()
    {
        File.WriteAllText(Path.Combine(_base.Root, "outside.cfg"), $$"""{"Identity": "{{Secret}}"}""");

        Assert.Null(_store.Find("../outside"));
        Assert.Null(_store.Find(".hidden"));
        Assert.Null(_store.Find(string.Empty));
    }

    [Fact]
    public void Find_FileReplaced_ReadsTheNewSecret()
    {
        WriteConfig("rotating", $$"""{"Identity": "{{Secret}}"}""");
        Assert.NotNull(_store.Find("rotating"));

        var newSecret = new string('n', IdentityRecord.MinSecretLength + 5);
        WriteConfig("rotating", $$"""{"Identity": "{{newSecret}}"}""");

        Assert.Equal(Encoding.UTF8.GetBytes(newSecret), _store.Find("rotating")?.SecretUtf8);
    }

    [Fact]
    public void Find_FileDeletedAfterUse_ReturnsNull()
    {
        WriteConfig("leaving", $$"""{"Identity": "{{Secret}}"}""");
        Assert.NotNull(_store.Find("leaving"));

        File.Delete(Path.Combine(_base.Directories.Config, "leaving.cfg"));

        Assert.Null(_store.Find("leaving"));
    }

    [Fact]
    public void Find_RepeatedKey_LastOneWinsAsInPython()
    {
        WriteConfig("twice", $$"""{"Identity": 5, "Identity": "{{Secret}}"}""");

        Assert.NotNull(_store.Find("twice"));
    }

    private void WriteConfig(string name, string content) =>
        File.WriteAllText(Path.Combine(_base.Directories.Config, name + ".cfg"), content);
}
