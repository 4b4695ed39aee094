using System.Text;
using System.Text.RegularExpressions;

namespace JackrabbitDlm.Docs.Tests.Infrastructure;

/// <summary>
/// The parts of a Markdown document the checks need: fenced blocks, headings as GitHub makes
/// anchors of them, links and inline code outside code blocks. Only the Markdown our documents
/// use is read: backtick or tilde fences, ATX headings, inline links and images.
/// </summary>
internal sealed partial class MarkdownDocument
{
    private MarkdownDocument(string path, string[] lines)
    {
        Path = path;
        Lines = lines;
    }

    /// <summary>The repository path, e.g. <c>docs/cli.md</c>.</summary>
    public string Path { get; }

    public string[] Lines { get; }

    public List<FencedBlock> Blocks { get; } = [];

    /// <summary>The anchors of the headings, as GitHub makes them.</summary>
    public HashSet<string> Anchors { get; } = new(StringComparer.Ordinal);

    public List<MarkdownLink> Links { get; } = [];

    public List<InlineCode> InlineCodes { get; } = [];

    public static MarkdownDocument Load(string root, string path)
    {
        var text = File.ReadAllText(System.IO.Path.Combine(root, path));
        var document = new MarkdownDocument(path, text.Replace("\r\n", "\n").Split('\n'));
        document.Parse();
        return document;
    }

    /// <summary>The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as '-'.</summary>
    public static string Slug(string heading)
    {
        var text = LinkSyntax().Replace(heading, "${text}").Replace("`", string.Empty).Trim().ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    /// <summary>The lines between <c>&lt;!-- NAME:begin --&gt;</c> and <c>&lt;!-- NAME:end --&gt;</c>.</summary>
    public IReadOnlyList<string> Section(string name)
    {
        var begin = Array.FindIndex(Lines, line => line.Trim() == $"<!-- {name}:begin -->");
        var end = Array.FindIndex(Lines, line => line.Trim() == $"<!-- {name}:end -->");
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"{Path} has no section '{name}' between begin and end markers.");
        }

        return Lines[(begin + 1)..end];
    }

    /// <summary>The cells of the table rows among <paramref name="lines"/>, header and rule left out.</summary>
    public static List<string[]> TableRows(IEnumerable<string> lines) =>
    [
        .. lines
            .Where(line => line.TrimStart().StartsWith('|'))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .Skip(2),
    ];

    private void Parse()
    {
        var anchorCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? fence = null;
        string language = string.Empty;
        string? marker = null;
        var start = 0;
        var body = new List<string>();
        for (var i = 0; i < Lines.Length; i++)
        {
            var line = Lines[i];
            if (fence is null)
            {
                var open = FenceOpen().Match(line);
                if (open.Success)
                {
                    fence = open.Groups["fence"].Value;
                    language = open.Groups["language"].Value.ToLowerInvariant();
                    marker = i > 0 ? MarkerOf(Lines[i - 1]) : null;
                    start = i + 1;
                    body.Clear();
                    continue;
                }

                ReadProse(line, i + 1, anchorCounts);
                continue;
            }

            var trimmed = line.Trim();
            if (trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]))
            {
                Blocks.Add(new FencedBlock(Path, start, language, string.Join('\n', body), marker));
                fence = null;
            }
            else
            {
                body.Add(line);
            }
        }
    }

    private void ReadProse(string line, int lineNumber, Dictionary<string, int> anchorCounts)
    {
        var heading = Heading().Match(line);
        if (heading.Success)
        {
            var slug = Slug(heading.Groups["text"].Value);
            var seen = anchorCounts.GetValueOrDefault(slug);
            anchorCounts[slug] = seen + 1;
            Anchors.Add(seen == 0 ? slug : $"{slug}-{seen}");
        }

        foreach (Match code in CodeSpan().Matches(line))
        {
            InlineCodes.Add(new InlineCode(Path, lineNumber, code.Groups["code"].Value.Trim()));
        }

        // Code spans are blanked, not removed, so a link whose text is code still reads as a link.
        var withoutCode = CodeSpan().Replace(line, match => new string(' ', match.Length));
        foreach (Match link in Link().Matches(withoutCode))
        {
            Links.Add(new MarkdownLink(Path, lineNumber, link.Groups["target"].Value));
        }
    }

    private static string? MarkerOf(string line)
    {
        var match = Marker().Match(line);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex(@"^\s{0,3}(?<fence>`{3,}|~{3,})\s*(?<language>[^\s`]*)")]
    private static partial Regex FenceOpen();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<ticks>`+)(?<code>.+?)\k<ticks>")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkSyntax();

    [GeneratedRegex(@"^\s*<!--\s*(?<name>\S+)\s*-->\s*$")]
    private static partial Regex Marker();
}
