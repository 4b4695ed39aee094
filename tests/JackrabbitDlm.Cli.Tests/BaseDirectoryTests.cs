using JackrabbitDlm.Server.Options;
using JackrabbitDlm.Tools;

namespace JackrabbitDlm.Cli.Tests;

public sealed class BaseDirectoryTests
{
    [Fact]
    public void Resolve_NoOption_IsWhereServeLooks()
    {
        // Both read JACKRABBIT_BASE first; without it both fall back to the per-user folder.
        var variable = Environment.GetEnvironmentVariable(BaseDirectory.EnvironmentVariable);
        var expected = string.IsNullOrWhiteSpace(variable)
            ? DlmServerOptions.DefaultBaseDirectory()
            : Path.GetFullPath(variable);

        Assert.Equal(expected, BaseDirectory.Resolve(null));
    }

    [Fact]
    public void Resolve_Option_WinsAndIsMadeAbsolute()
    {
        Assert.Equal(Path.GetFullPath("relative/base"), BaseDirectory.Resolve("relative/base"));
    }
}
