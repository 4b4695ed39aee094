using System.Runtime.Versioning;
using System.Text.Json;
using JackrabbitDlm.Tools.Identity;
using JackrabbitDlm.Tools.Tests.Infrastructure;

namespace JackrabbitDlm.Tools.Tests.Identity;

public sealed class IdentityFilesTests
{
    [Fact]
    public void Create_NewName_WritesFileUnderConfig()
    {
        using var temp = new TempDirectory();

        var path = IdentityFiles.Create(temp.Path, "batch-jobs", 65536);

        Assert.Equal(System.IO.Path.Combine(temp.Path, "Config", "batch-jobs.cfg"), path);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Create_NewName_SecretIsUrlSafeAndInLengthRange()
    {
        using var temp = new TempDirectory();

        var path = IdentityFiles.Create(temp.Path, "jobs", 16384);

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var secret = document.RootElement.GetProperty("Identity").GetString()!;
        Assert.InRange(secret.Length, 1023, 2046);
        Assert.All(secret, c => Assert.Contains(c, IdentitySecrets.Alphabet));
        Assert.Equal(16384, document.RootElement.GetProperty("MaxSize").GetInt64());
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Create_NewName_FileIsOwnerOnly()
    {
        using var temp = new TempDirectory();

        var path = IdentityFiles.Create(temp.Path, "jobs", 16384);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Create_ConfigMissing_MakesItOwnerOnly()
    {
        using var temp = new TempDirectory();

        IdentityFiles.Create(temp.Path, "jobs", 16384);

        var config = System.IO.Path.Combine(temp.Path, "Config");
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(config));
    }

    [Fact]
    public void Create_FileExists_RefusesAndKeepsIt()
    {
        using var temp = new TempDirectory();
        var path = IdentityFiles.Create(temp.Path, "jobs", 16384);
        var before = File.ReadAllText(path);

        var error = Assert.Throws<ToolException>(() => IdentityFiles.Create(temp.Path, "jobs", 99));

        Assert.Contains("exists", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("with space")]
    [InlineData("caf\u00e9")]
    public void Create_NameNotPlain_RefusesAndWritesNothing(string name)
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ToolException>(() => IdentityFiles.Create(temp.Path, name, 16384));

        Assert.Contains("not a plain identity name", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Create_MaxSizeBelowOne_Refuses()
    {
        using var temp = new TempDirectory();

        Assert.Throws<ToolException>(() => IdentityFiles.Create(temp.Path, "jobs", 0));
    }

    [Fact]
    public void NewSecret_ManySecrets_LengthsVaryAndStayInRange()
    {
        var secrets = Enumerable.Range(0, 40).Select(_ => IdentitySecrets.NewSecret()).ToArray();

        Assert.All(secrets, secret => Assert.InRange(secret.Length, 1023, 2046));
        Assert.True(secrets.Select(secret => secret.Length).Distinct().Count() > 1);
        Assert.Equal(secrets.Length, secrets.Distinct().Count());
    }

    [Fact]
    public void Read_CreatedFile_GivesSecretAndMaxSize()
    {
        using var temp = new TempDirectory();
        var path = IdentityFiles.Create(temp.Path, "jobs", 4096);

        var file = IdentityFile.Read(path);

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(document.RootElement.GetProperty("Identity").GetString(), file.Secret);
        Assert.Equal(4096, file.EffectiveMaxSize);
    }

    [Fact]
    public void Read_FileWithoutMaxSize_UsesServerDefault()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("x.cfg"), "{\"Identity\": \"abc\"}");

        var file = IdentityFile.Read(temp.File("x.cfg"));

        Assert.Null(file.MaxSize);
        Assert.Equal(16384, file.EffectiveMaxSize);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"MaxSize\": 5}")]
    [InlineData("{\"Identity\": 5}")]
    [InlineData("[\"Identity\"]")]
    public void Read_BadContent_ThrowsToolException(string content)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("x.cfg"), content);

        Assert.Throws<ToolException>(() => IdentityFile.Read(temp.File("x.cfg")));
    }

    [Fact]
    public void Read_MissingFile_ThrowsToolExceptionNamingIt()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ToolException>(() => IdentityFile.Read(temp.File("none.cfg")));

        Assert.Contains("none.cfg", error.Message, StringComparison.Ordinal);
    }
}
