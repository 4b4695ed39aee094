using System.Text.Json;
using JackrabbitDlm.Docs.Tests.Infrastructure;

namespace JackrabbitDlm.Docs.Tests;

/// <summary>
/// Every Mermaid diagram parses with Mermaid's own parser (the <c>mermaid</c> npm package, run
/// by Node.js under jsdom: <c>tests/docs-tools/check-mermaid.mjs</c>). scripts/test.sh installs
/// Node.js when it is missing and the packages with <c>npm ci</c>.
/// </summary>
public sealed class MermaidDiagramTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static string Checker => Repository.PathOf("tests/docs-tools/check-mermaid.mjs");

    [Fact]
    public async Task Diagrams_InEveryDocument_Parse()
    {
        var expected = Repository.Documents
            .SelectMany(document => document.Blocks)
            .Where(block => block.Language == "mermaid")
            .Select(block => block.ToString())
            .ToList();

        var (exitCode, results, outcome) = await CheckAsync(Repository.DocumentPaths);

        var failures = results.Where(result => !result.Ok).Select(result => $"{result}: {result.Error}");
        Assert.True(
            exitCode == 0,
            "Mermaid diagrams that do not parse:\n" + string.Join('\n', failures) + $"\n{outcome}");
        Assert.Equal(expected, results.Select(result => result.ToString()));
        Assert.True(expected.Count >= 8, $"only {expected.Count} diagrams found");
    }

    [Fact]
    public async Task Diagram_WithASyntaxError_FailsToParse()
    {
        // The first diagram of the architecture page, with one node's closing bracket taken away.
        var diagram = Repository.Document("docs/architecture.md").Blocks
            .First(block => block.Language == "mermaid");
        const string Node = "accept loops, connection cap,<br/>idle check, graceful stop\"";
        var broken = diagram.Text.Replace(Node + "]", Node, StringComparison.Ordinal);
        Assert.NotEqual(diagram.Text, broken);
        using var temp = new TempDirectory();
        var file = temp.Combine("broken.md");
        await File.WriteAllTextAsync(
            file, $"# Broken\n\n```mermaid\n{diagram.Text}\n```\n\n```mermaid\n{broken}\n```\n");

        var (exitCode, results, outcome) = await CheckAsync([file]);

        Assert.True(exitCode == 1, outcome.ToString());
        Assert.Equal([true, false], results.Select(result => result.Ok));
        Assert.Contains("Parse error", results[1].Error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, List<DiagramResult> Results, ProcessOutcome Outcome)> CheckAsync(
        IEnumerable<string> files)
    {
        Assert.True(
            Directory.Exists(Repository.PathOf("tests/docs-tools/node_modules/mermaid")),
            "Mermaid is not installed: run ./scripts/test.sh, or 'npm ci' in tests/docs-tools.");
        var outcome = await ChildProcess.RunAsync("node", [Checker, .. files], Repository.Root, null, Limit);
        Assert.True(outcome.ExitCode is 0 or 1, $"the Mermaid checker could not run: {outcome}");
        var results = outcome.Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<DiagramResult>(line, JsonOptions)!)
            .ToList();
        return (outcome.ExitCode, results, outcome);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record DiagramResult(string File, int Line, bool Ok, string? Type, string? Error)
    {
        public override string ToString() => $"{File}:{Line}";
    }
}
