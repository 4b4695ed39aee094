using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Server.Tests.Files;

public sealed class PidFileTests : IDisposable
{
    private readonly TempBase _base = new();

    public void Dispose() => _base.Dispose();

    [Fact]
    public void Create_WritesThisProcessIdUnderThePort()
    {
        using var pid = PidFile.Create(_base.Directories, 37373);

        Assert.Equal(Path.Combine(_base.Directories.Logs, "37373.pid"), pid.Path);
        Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(pid.Path));
    }

    [Fact]
    public void Create_StaleFileOfAnEarlierRun_IsReplaced()
    {
        var path = Path.Combine(_base.Directories.Logs, "40000.pid");
        File.WriteAllText(path, "999999\n");

        using var pid = PidFile.Create(_base.Directories, 40000);

        Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(path));
    }

    [Fact]
    public void Dispose_RemovesTheFile()
    {
        var pid = PidFile.Create(_base.Directories, 37373);

        pid.Dispose();
        pid.Dispose();

        Assert.False(File.Exists(pid.Path));
    }

    [Fact]
    public void Dispose_FileTakenOverByAnotherProcess_LeavesIt()
    {
        var pid = PidFile.Create(_base.Directories, 37373);
        File.WriteAllText(pid.Path, "424242\n");

        pid.Dispose();

        Assert.Equal("424242\n", File.ReadAllText(pid.Path));
    }
}
