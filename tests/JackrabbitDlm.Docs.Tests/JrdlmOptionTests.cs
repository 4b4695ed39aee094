using System.Text.RegularExpressions;
using JackrabbitDlm.Docs.Tests.Infrastructure;
using JackrabbitDlm.Server.Options;

namespace JackrabbitDlm.Docs.Tests;

/// <summary>
/// Every <c>jrdlm</c> command and option the documentation names exists in the built program,
/// as its <c>--help</c> says, and every <c>JRDLM_</c> variable it names is one the server reads.
/// </summary>
public sealed partial class JrdlmOptionTests
{
    [Fact]
    public async Task CommandLines_InShellBlocksAndInlineCode_NameRealCommandsAndOptions()
    {
        var help = await JrdlmHelp.GetAsync();
        var problems = new List<string>();
        foreach (var (where, line) in ShellText())
        {
            foreach (var invocation in JrdlmInvocation.Find(line))
            {
                problems.AddRange(Check(help, invocation)
                    .Select(problem => $"{where}: {problem} in '{invocation.Text}'"));
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Options_NamedAloneInInlineCode_AreOptionsOfSomeCommand()
    {
        var help = await JrdlmHelp.GetAsync();

        var unknown = Repository.Documents
            .SelectMany(document => document.InlineCodes)
            .Where(code => code.Text.StartsWith("--", StringComparison.Ordinal))
            .Where(code => !help.AnyCommandTakes(code.Text.Split(' ', '=')[0]))
            .Select(code => code.ToString())
            .ToList();

        Assert.True(unknown.Count == 0, "No jrdlm command takes:\n" + string.Join('\n', unknown));
    }

    [Fact]
    public void EnvironmentVariables_NamedJrdlm_AreTheServersOwn()
    {
        var known = ServerSettings.All.Select(setting => setting.EnvironmentVariable)
            .Append(ServerSettings.ConfigFileVariable)
            .ToHashSet(StringComparer.Ordinal);

        var unknown = Repository.Documents
            .SelectMany(document => document.Lines.Select((text, index) => (document.Path, Line: index + 1, text)))
            .SelectMany(line => JrdlmVariable().Matches(line.text)
                .Select(match => (line.Path, line.Line, match.Value)))
            .Where(found => !known.Contains(found.Value))
            .Select(found => $"{found.Path}:{found.Line} {found.Value}")
            .ToList();

        Assert.True(
            unknown.Count == 0, "The server reads no such variable:\n" + string.Join('\n', unknown));
    }

    [Fact]
    public void Finder_OfCommandLines_ReadsTheShellTheDocumentsUse()
    {
        var found = JrdlmInvocation.Find(
                "JRDLM_X=1 sudo -u jrdlm /opt/jrdlm/jrdlm identity r --base /b | grep -e --nope"
                    + " && jrdlm get k --raw # --not")
            .ToList();

        Assert.Equal(["identity", "get"], found.Select(invocation => invocation.Command));
        Assert.Equal(["--base"], found[0].Options);
        Assert.Equal(["--raw"], found[1].Options);
        Assert.Equal(
            ["--backend"],
            JrdlmInvocation.Find("dotnet run -c Release --project src/X -- serve --backend sqlite").Single().Options);
    }

    private static IEnumerable<string> Check(JrdlmHelp help, JrdlmInvocation invocation)
    {
        // Placeholders such as <command> stand for any command.
        if (invocation.Command.StartsWith('<'))
        {
            yield break;
        }

        if (invocation.Command.Length == 0)
        {
            foreach (var option in invocation.Options.Where(option => option is not ("--help" or "--version")))
            {
                yield return $"jrdlm takes no {option} before a command";
            }

            yield break;
        }

        if (!help.OptionsByCommand.TryGetValue(invocation.Command, out var options))
        {
            yield return $"no command '{invocation.Command}'";
            yield break;
        }

        foreach (var option in invocation.Options.Where(option => !options.Contains(option)))
        {
            yield return $"'jrdlm {invocation.Command}' takes no {option}";
        }
    }

    // Every line of every shell block, and every inline code span, with where it is.
    private static IEnumerable<(string Where, string Line)> ShellText()
    {
        foreach (var document in Repository.Documents)
        {
            foreach (var block in document.Blocks.Where(block => block.LooksLikeShell))
            {
                var lines = block.Text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    yield return ($"{document.Path}:{block.Line + 1 + i}", lines[i]);
                }
            }

            foreach (var code in document.InlineCodes)
            {
                yield return ($"{document.Path}:{code.Line}", code.Text);
            }
        }
    }

    [GeneratedRegex(@"\bJRDLM_[A-Z_]+\b")]
    private static partial Regex JrdlmVariable();
}
