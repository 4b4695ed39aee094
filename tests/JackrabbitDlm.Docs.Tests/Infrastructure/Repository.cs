namespace JackrabbitDlm.Docs.Tests.Infrastructure;

/// <summary>The repository the tests run in, and its documents.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository's root: the folder that holds <c>JackrabbitDlm.slnx</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>Every document the checks cover: README.md and docs/*.md, as repository paths.</summary>
    public static IReadOnlyList<string> DocumentPaths { get; } = ListDocuments();

    /// <summary>Every document, read and parsed once.</summary>
    public static IReadOnlyList<MarkdownDocument> Documents { get; } =
        [.. DocumentPaths.Select(path => MarkdownDocument.Load(Root, path))];

    /// <summary>The absolute path of a repository path such as <c>docs/cli.md</c>.</summary>
    public static string PathOf(string repositoryPath) =>
        Path.GetFullPath(Path.Combine(Root, repositoryPath.Replace('/', Path.DirectorySeparatorChar)));

    public static MarkdownDocument Document(string repositoryPath) =>
        Documents.Single(document => document.Path == repositoryPath);

    private static List<string> ListDocuments()
    {
        var docs = Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")
            .Select(file => "docs/" + Path.GetFileName(file))
            .Order(StringComparer.Ordinal);
        return ["README.md", .. docs];
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "JackrabbitDlm.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the repository (no JackrabbitDlm.slnx above).");
    }
}
