using System.Text.Json;
using JackrabbitDlm.Cli.Tests.Infrastructure;
using JackrabbitDlm.Tools;

namespace JackrabbitDlm.Cli.Tests;

public sealed class IdentityCommandTests
{
    [Fact]
    public async Task Identity_NewName_WritesFileAndPrintsItsPath()
    {
        using var temp = new TempDirectory();

        var outcome = await Jrdlm.RunAsync("identity", "reports", "--base", temp.Path, "--max-size", "65536");

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        var path = Path.Combine(temp.Path, "Config", "reports.cfg");
        Assert.Equal([path], outcome.OutputLines);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.InRange(document.RootElement.GetProperty("Identity").GetString()!.Length, 1023, 2046);
        Assert.Equal(65536, document.RootElement.GetProperty("MaxSize").GetInt64());
    }

    [Fact]
    public async Task Identity_Twice_SecondRefusesAndKeepsTheFirst()
    {
        using var temp = new TempDirectory();
        await Jrdlm.RunAsync("identity", "reports", "--base", temp.Path);
        var path = Path.Combine(temp.Path, "Config", "reports.cfg");
        var first = await File.ReadAllTextAsync(path);

        var outcome = await Jrdlm.RunAsync("identity", "reports", "--base", temp.Path);

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Contains("exists", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(first, await File.ReadAllTextAsync(path));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData(".hidden")]
    [InlineData("has space")]
    public async Task Identity_NameNotPlain_ExitsUsageAndWritesNothing(string name)
    {
        using var temp = new TempDirectory();

        var outcome = await Jrdlm.RunAsync("identity", name, "--base", temp.Path);

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Contains("not a plain name", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories));
    }
}
