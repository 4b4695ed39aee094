using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Tests.Files;

public sealed class DirectorySyncTests
{
    [Fact]
    public void Flush_ExistingDirectory_Succeeds()
    {
        using var temp = new TempBase();

        DirectorySync.Flush(temp.Directories.Disk);

        Assert.True(Directory.Exists(temp.Directories.Disk));
    }

    [Fact]
    public void Flush_MissingDirectoryOnLinux_ThrowsBecauseTheSystemCallRan()
    {
        // Proves the C library calls are reached here: without them the flush would be skipped.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var temp = new TempBase(create: false);

        Assert.Throws<IOException>(() => DirectorySync.Flush(temp.Directories.Disk));
    }
}
