using System.Text.RegularExpressions;

namespace JackrabbitDlm.Docs.Tests.Infrastructure;

/// <summary>
/// A <c>jrdlm</c> command line found in documentation text: the command and the options it
/// names. Shell syntax is read only as far as the documents use it: pipes, lists, command
/// substitution, environment assignments, <c>sudo</c>, and <c>dotnet run ... --</c>.
/// </summary>
/// <param name="Command">The subcommand, e.g. <c>serve</c>; empty for <c>jrdlm --help</c>.</param>
/// <param name="Options">The options named after it, e.g. <c>--port</c>.</param>
/// <param name="Text">The simple command it was read from.</param>
internal sealed partial record JrdlmInvocation(string Command, IReadOnlyList<string> Options, string Text)
{
    /// <summary>Every <c>jrdlm</c> command line in one line of shell text.</summary>
    public static IEnumerable<JrdlmInvocation> Find(string line)
    {
        foreach (var simple in Separators().Split(WithoutComment(line)))
        {
            var words = simple.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var at = SkipPrefix(words);

            // "jrdlm serve: cannot listen ..." is a message the program prints, not a command.
            var isMessage = at + 1 < words.Length && words[at + 1].EndsWith(':');
            if (at < words.Length && !isMessage && TryReadArguments(words, at, out var arguments))
            {
                yield return Read(arguments, simple.Trim());
            }
        }
    }

    private static JrdlmInvocation Read(string[] arguments, string text)
    {
        var command = arguments.Length > 0 && !arguments[0].StartsWith('-') ? arguments[0] : string.Empty;
        var options = arguments
            .Select(argument => argument.Split('=')[0])
            .Where(argument => OptionName().IsMatch(argument))
            .ToList();
        return new JrdlmInvocation(command, options, text);
    }

    // jrdlm ARGS, /path/to/jrdlm ARGS, or dotnet run ... -- ARGS.
    private static bool TryReadArguments(string[] words, int at, out string[] arguments)
    {
        var program = words[at];
        if (program == "jrdlm" || program.EndsWith("/jrdlm", StringComparison.Ordinal))
        {
            arguments = words[(at + 1)..];
            return true;
        }

        var separator = Array.IndexOf(words, "--", at);
        if (program == "dotnet" && at + 1 < words.Length && words[at + 1] == "run" && separator > 0)
        {
            arguments = words[(separator + 1)..];
            return true;
        }

        arguments = [];
        return false;
    }

    // Environment assignments, sudo with its options, and shell words that start a command.
    private static int SkipPrefix(string[] words)
    {
        var at = 0;
        while (at < words.Length)
        {
            var word = words[at];
            if (word is "sudo" or "exec" or "if" or "then" or "else" or "!" or "time" or "{")
            {
                at++;
            }
            else if (word == "-u" || word == "-g")
            {
                at += 2;
            }
            else if (word.StartsWith('-') && at > 0 && words[at - 1] == "sudo")
            {
                at++;
            }
            else if (Assignment().IsMatch(word))
            {
                at++;
            }
            else
            {
                break;
            }
        }

        return at;
    }

    private static string WithoutComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    [GeneratedRegex(@"\|\||&&|\$\(|[|;&()`]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^--[a-z][a-z0-9-]*$")]
    private static partial Regex OptionName();
}
