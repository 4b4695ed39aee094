namespace JackrabbitDlm.Docs.Tests.Infrastructure;

/// <summary>A link or image of a Markdown document, outside code.</summary>
/// <param name="Document">The document's repository path.</param>
/// <param name="Line">The 1-based line it is on.</param>
/// <param name="Target">What it points to, as written.</param>
internal sealed record MarkdownLink(string Document, int Line, string Target)
{
    public override string ToString() => $"{Document}:{Line} ({Target})";
}
