using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Tests.Files;

public sealed class BaseDirectoryTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly TempBase _base = new(create: false);

    public void Dispose() => _base.Dispose();

    [Fact]
    public void Constructor_RelativeRoot_NamesAbsoluteSubfolders()
    {
        var directories = new BaseDirectory("relative-base");

        Assert.True(Path.IsPathFullyQualified(directories.Root));
        Assert.Equal(Path.Combine(directories.Root, "Config"), directories.Config);
        Assert.Equal(Path.Combine(directories.Root, "Disk"), directories.Disk);
        Assert.Equal(Path.Combine(directories.Root, "Logs"), directories.Logs);
        Assert.Equal(Path.Combine(directories.Root, "Quarantine"), directories.Quarantine);
        Assert.False(Directory.Exists(directories.Root));
    }

    [Fact]
    public void EnsureCreated_MakesEveryFolder()
    {
        var directories = _base.Directories;

        directories.EnsureCreated();
        directories.EnsureCreated();

        Assert.All(
            new[] { directories.Config, directories.Disk, directories.Logs, directories.Quarantine },
            path => Assert.True(Directory.Exists(path), path));
    }

    [Fact]
    public void EnsureCreated_Unix_SecretFoldersAreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _base.Directories.EnsureCreated();

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_base.Directories.Config));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_base.Directories.Quarantine));
    }

    [Fact]
    public void EnsureCreated_Unix_TightensAnOpenConfigFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(_base.Directories.Config);
        File.SetUnixFileMode(_base.Directories.Config, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        _base.Directories.EnsureCreated();

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_base.Directories.Config));
    }
}
