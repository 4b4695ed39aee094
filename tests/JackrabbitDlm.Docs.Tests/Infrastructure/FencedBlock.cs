namespace JackrabbitDlm.Docs.Tests.Infrastructure;

/// <summary>A fenced code block of a Markdown document.</summary>
/// <param name="Document">The document's repository path.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Language">The info string's first word, lower case; empty when there is none.</param>
/// <param name="Text">The lines between the fences.</param>
/// <param name="Marker">
/// The HTML comment on the line before the fence (e.g. <c>example:request-json</c>), or null.
/// </param>
internal sealed record FencedBlock(
    string Document, int Line, string Language, string Text, string? Marker)
{
    private static readonly HashSet<string> ShellLanguages = new(StringComparer.Ordinal)
    {
        string.Empty, "sh", "bash", "shell", "console", "zsh",
    };

    /// <summary>True for a block a reader may take for commands to run: a shell language, or none.</summary>
    public bool LooksLikeShell => ShellLanguages.Contains(Language);

    /// <summary>True for a block the documentation tests run against a live server.</summary>
    public bool IsRunnable => Language == "sh";

    /// <summary>The first line that is not blank, which names the block in lists and messages.</summary>
    public string FirstLine =>
        Text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? string.Empty;

    public override string ToString() => $"{Document}:{Line}";
}
