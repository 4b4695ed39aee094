using JackrabbitDlm.Docs.Tests.Infrastructure;
using JackrabbitDlm.Server.Files;

namespace JackrabbitDlm.Docs.Tests;

/// <summary>
/// The operations page's snippet that raises the memory backend's fencing token ceiling writes a
/// file the server accepts, with the ceiling ten million higher.
/// </summary>
public sealed class FencingTokenSnippetTests
{
    private const string DocumentedFile = "/var/lib/jrdlm/Disk/fencing-tokens";

    [Fact]
    public async Task RaiseSnippet_OnAValidFile_LeavesAValidFileTenMillionHigher()
    {
        var snippet = Repository.Document("docs/operations.md").Blocks
            .Single(block => block.FirstLine == $"file={DocumentedFile}");
        using var temp = new TempDirectory();
        var directories = new BaseDirectory(temp.Combine("base"));
        directories.EnsureCreated();
        var tokens = new FileTokenReservations(directories);
        tokens.SaveCeiling(65536);

        var script = "set -euo pipefail\n"
            + snippet.Text.Replace(DocumentedFile, tokens.FilePath, StringComparison.Ordinal);
        var outcome = await ChildProcess.RunAsync(
            "bash", ["-c", script], temp.Path, null, TimeSpan.FromSeconds(30));

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(65536 + 10_000_000, new FileTokenReservations(directories).LoadCeiling());
    }
}
