using JackrabbitDlm.Docs.Tests.Infrastructure;
using Xunit.Abstractions;

namespace JackrabbitDlm.Docs.Tests;

/// <summary>
/// Every command the documentation shows is run: each <c>```sh</c> block against a server of its
/// own (see <see cref="ShellBlockRunner"/>), and every other shell block is listed in
/// <see cref="IllustrativeBlocks"/> with its reason.
/// </summary>
public sealed class ShellBlockTests(ITestOutputHelper output)
{
    public static TheoryData<string> RunnableBlocks()
    {
        var data = new TheoryData<string>();
        foreach (var block in AllBlocks().Where(block => block.IsRunnable))
        {
            data.Add(block.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RunnableBlocks))]
    public async Task RunnableBlock_RunAgainstServer_Succeeds(string block)
    {
        var found = AllBlocks().Single(candidate => candidate.ToString() == block);

        var outcome = await ShellBlockRunner.RunAsync(found);
        output.WriteLine(outcome.ToString());

        Assert.True(outcome.ExitCode == 0, $"{block} failed:\n{found.Text}\n{outcome}");
    }

    [Fact]
    public void ShellBlocks_NotRunnable_AreListedAsIllustrative()
    {
        var unlisted = AllBlocks()
            .Where(block => block.LooksLikeShell && !block.IsRunnable && Listing(block) is null)
            .Select(block => $"{block} ({block.FirstLine})")
            .ToList();

        Assert.True(
            unlisted.Count == 0,
            "Mark these blocks ```sh so the tests run them, or list them in IllustrativeBlocks "
                + "with a reason:\n" + string.Join('\n', unlisted));
    }

    [Fact]
    public void IllustrativeBlocks_EachEntry_MatchesAShellBlockThatIsNotRun()
    {
        var stale = IllustrativeBlocks.All
            .Where(entry => !AllBlocks().Any(block =>
                block.Document == entry.Document && block.FirstLine == entry.FirstLine
                    && block.LooksLikeShell && !block.IsRunnable))
            .Select(entry => $"{entry.Document}: {entry.FirstLine}")
            .ToList();

        Assert.True(stale.Count == 0, "No such illustrative block any more:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void RunnableBlocks_AcrossTheDocuments_CoverTheQuickStartAndTheTools()
    {
        // A guard against a parser that finds no blocks and so runs nothing.
        var runnable = AllBlocks().Where(block => block.IsRunnable).ToList();

        Assert.Contains(runnable, block => block.Document == "README.md" && block.Text.Contains("jrdlm lock"));
        Assert.Contains(runnable, block => block.Text.Contains("jrdlm identity"));
        Assert.Contains(runnable, block => block.Text.Contains("jrdlm wars"));
        Assert.Contains(runnable, block => block.Text.Contains("jrdlm chart"));
    }

    private static IEnumerable<FencedBlock> AllBlocks() => Repository.Documents.SelectMany(document => document.Blocks);

    private static IllustrativeBlocks.Entry? Listing(FencedBlock block) =>
        IllustrativeBlocks.All.FirstOrDefault(entry =>
            entry.Document == block.Document && entry.FirstLine == block.FirstLine);
}
