using JackrabbitDlm.Docs.Tests.Infrastructure;

namespace JackrabbitDlm.Docs.Tests;

/// <summary>
/// Every relative link between the documents leads to a file, and to a heading when it names one.
/// </summary>
public sealed class LinkTests
{
    [Fact]
    public void RelativeLinks_InEveryDocument_Resolve()
    {
        var broken = Repository.Documents
            .SelectMany(document => document.Links)
            .Where(link => !IsExternal(link.Target))
            .Select(link => (link, Problem: ProblemOf(link)))
            .Where(found => found.Problem is not null)
            .Select(found => $"{found.link}: {found.Problem}")
            .ToList();

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Links_InTheReadme_ReachEveryPageOfDocs()
    {
        var linked = Repository.Document("README.md").Links
            .Select(link => Resolve("README.md", link.Target.Split('#')[0]))
            .ToHashSet(StringComparer.Ordinal);

        var unlinked = Repository.DocumentPaths
            .Where(path => path != "README.md" && !linked.Contains(path))
            .ToList();

        Assert.True(unlinked.Count == 0, "The README links to none of: " + string.Join(", ", unlinked));
    }

    [Theory]
    [InlineData("The .NET client: `JackrabbitDlm.Client`", "the-net-client-jackrabbitdlmclient")]
    [InlineData("An entry's states", "an-entrys-states")]
    [InlineData("Fencing tokens: `Token`", "fencing-tokens-token")]
    [InlineData("`jrdlm identity`", "jrdlm-identity")]
    public void Slug_OfAHeading_IsGitHubsAnchor(string heading, string anchor) =>
        Assert.Equal(anchor, MarkdownDocument.Slug(heading));

    private static string? ProblemOf(MarkdownLink link)
    {
        var parts = link.Target.Split('#', 2);
        var path = parts[0].Length == 0 ? link.Document : Resolve(link.Document, parts[0]);
        if (path.StartsWith("../", StringComparison.Ordinal))
        {
            return "points outside the repository";
        }

        var full = Repository.PathOf(path);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            return $"no file {path}";
        }

        if (parts.Length == 1)
        {
            return null;
        }

        if (!path.EndsWith(".md", StringComparison.Ordinal))
        {
            return "an anchor into a file that is not Markdown";
        }

        var anchors = MarkdownDocument.Load(Repository.Root, path).Anchors;
        return anchors.Contains(parts[1]) ? null : $"no heading #{parts[1]} in {path}";
    }

    // The repository path a link from a document leads to.
    private static string Resolve(string document, string target)
    {
        var folder = Path.GetDirectoryName(document) ?? string.Empty;
        var combined = Path.GetFullPath(Path.Combine(Repository.Root, folder, target));
        return Path.GetRelativePath(Repository.Root, combined).Replace(Path.DirectorySeparatorChar, '/');
    }

    private static bool IsExternal(string target) =>
        target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal);
}
