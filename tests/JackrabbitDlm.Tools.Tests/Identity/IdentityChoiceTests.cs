using JackrabbitDlm.Tools.Identity;
using JackrabbitDlm.Tools.Tests.Infrastructure;

namespace JackrabbitDlm.Tools.Tests.Identity;

public sealed class IdentityChoiceTests
{
    [Fact]
    public void Resolve_NeitherNameNorFile_IsAnonymous()
    {
        Assert.Null(IdentityChoice.Resolve(null, null, null));
    }

    [Fact]
    public void Resolve_NameOnly_ReadsConfigUnderBase()
    {
        using var temp = new TempDirectory();
        var path = IdentityFiles.Create(temp.Path, "jobs", 100);

        var choice = IdentityChoice.Resolve("jobs", null, temp.Path);

        Assert.NotNull(choice);
        Assert.Equal("jobs", choice.Name);
        Assert.Equal(path, choice.Path);
        Assert.Equal(IdentityFile.Read(path).Secret, choice.File.Secret);
    }

    [Fact]
    public void Resolve_FileOnly_TakesNameFromFile()
    {
        using var temp = new TempDirectory();
        var path = IdentityFiles.Create(temp.Path, "reports", 100);

        var choice = IdentityChoice.Resolve(null, path, null);

        Assert.Equal("reports", choice!.Name);
    }

    [Fact]
    public void Resolve_NameAndFile_KeepsGivenName()
    {
        using var temp = new TempDirectory();
        var path = IdentityFiles.Create(temp.Path, "reports", 100);

        var choice = IdentityChoice.Resolve("other", path, null);

        Assert.Equal("other", choice!.Name);
    }

    [Fact]
    public void Resolve_NameNotPlain_Throws()
    {
        Assert.Throws<ToolException>(() => IdentityChoice.Resolve("../etc/passwd", null, "/tmp"));
    }
}
