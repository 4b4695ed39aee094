namespace JackrabbitDlm.Docs.Tests.Infrastructure;

/// <summary>An inline code span of a Markdown document, outside fenced blocks.</summary>
/// <param name="Document">The document's repository path.</param>
/// <param name="Line">The 1-based line it is on.</param>
/// <param name="Text">The code, without its backticks.</param>
internal sealed record InlineCode(string Document, int Line, string Text)
{
    public override string ToString() => $"{Document}:{Line} `{Text}`";
}
