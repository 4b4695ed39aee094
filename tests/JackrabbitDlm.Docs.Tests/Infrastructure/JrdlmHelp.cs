using System.Text.RegularExpressions;

namespace JackrabbitDlm.Docs.Tests.Infrastructure;

/// <summary>
/// The commands and options of the built <c>jrdlm</c>, read from its own <c>--help</c> output, so
/// the documentation is checked against what the program accepts rather than against a copy.
/// </summary>
internal sealed partial class JrdlmHelp
{
    private static readonly Lazy<Task<JrdlmHelp>> Shared = new(ReadAsync);

    private JrdlmHelp(string rootHelp, Dictionary<string, HashSet<string>> optionsByCommand)
    {
        RootHelp = rootHelp;
        OptionsByCommand = optionsByCommand;
    }

    /// <summary>What <c>jrdlm --help</c> prints.</summary>
    public string RootHelp { get; }

    /// <summary>Each command's options, e.g. <c>serve</c> → <c>--host</c>, <c>--port</c>, ...</summary>
    public IReadOnlyDictionary<string, HashSet<string>> OptionsByCommand { get; }

    public static Task<JrdlmHelp> GetAsync() => Shared.Value;

    /// <summary>True when some command takes <paramref name="option"/>.</summary>
    public bool AnyCommandTakes(string option) => OptionsByCommand.Values.Any(options => options.Contains(option));

    private static async Task<JrdlmHelp> ReadAsync()
    {
        var root = await ChildProcess.JrdlmAsync("--help");
        if (root.ExitCode != 0)
        {
            throw new InvalidOperationException($"jrdlm --help failed: {root}");
        }

        var commands = Section(root.Output, "Commands:")
            .Select(line => line.Trim().Split(' ')[0])
            .Where(name => name.Length > 0)
            .ToList();
        var help = await Task.WhenAll(commands.Select(command => ChildProcess.JrdlmAsync(command, "--help")));
        var options = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < commands.Count; i++)
        {
            options[commands[i]] = [.. Section(help[i].Output, "Options:").SelectMany(OptionsOf)];
        }

        return new JrdlmHelp(root.Output, options);
    }

    // The lines of a help section: from its title to the next line that does not start with a space.
    private static IEnumerable<string> Section(string help, string title) =>
        help.Split('\n')
            .SkipWhile(line => line.TrimEnd() != title)
            .Skip(1)
            .TakeWhile(line => line.StartsWith(' '));

    // "  -?, -h, --help  Show help" and "  --host <address>  ...": the names before the description.
    private static IEnumerable<string> OptionsOf(string line)
    {
        var names = TwoSpaces().Split(line.Trim())[0];
        return OptionName().Matches(names).Select(match => match.Value);
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex TwoSpaces();

    [GeneratedRegex(@"--[a-z][a-z0-9-]*")]
    private static partial Regex OptionName();
}
