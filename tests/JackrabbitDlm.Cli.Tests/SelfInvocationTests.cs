using JackrabbitDlm.Cli.Infrastructure;

namespace JackrabbitDlm.Cli.Tests;

public sealed class SelfInvocationTests
{
    [Fact]
    public void Current_UnderATestHost_RunsJrdlmDllWithDotnet()
    {
        var (program, arguments) = SelfInvocation.Current();

        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(program));
        var dll = Assert.Single(arguments);
        Assert.Equal("jrdlm.dll", Path.GetFileName(dll));
        Assert.True(File.Exists(dll));
    }
}
