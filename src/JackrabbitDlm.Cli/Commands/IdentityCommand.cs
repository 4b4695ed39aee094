using JackrabbitDlm.Protocol.Wire;
using System.CommandLine;
using JackrabbitDlm.Cli.Infrastructure;
using JackrabbitDlm.Tools;
using JackrabbitDlm.Tools.Identity;

namespace JackrabbitDlm.Cli.Commands;

/// <summary><c>jrdlm identity NAME</c>: writes a new identity file with a random secret.</summary>
internal static class IdentityCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME")
        {
            Description = "The identity name: letters, digits, '.', '_' or '-', not starting with '.'.",
        };
        var baseDirectory = new Option<string?>("--base")
        {
            Description = "The server's base directory [env JACKRABBIT_BASE; default: the per-user "
                + "data directory's JackrabbitDLM].",
            HelpName = "dir",
        };
        var maxSize = new Option<long>("--max-size")
        {
            Description = "The largest value, in characters as sent, the identity may store.",
            DefaultValueFactory = _ => IdentityFile.DefaultMaxSize,
            HelpName = "chars",
        }.InRange(1, long.MaxValue);
        var command = new Command(
            "identity",
            "Write <base>/Config/NAME.cfg with a random secret of 1023 to 2046 characters, "
                + "readable by its owner only. An existing file is never overwritten.")
        {
            name,
            baseDirectory,
            maxSize,
        };
        command.SetAction(result => Run(
            result, result.GetValue(name)!, result.GetValue(baseDirectory), result.GetValue(maxSize)));
        return command;
    }

    private static int Run(ParseResult result, string name, string? baseDirectory, long maxSize)
    {
        if (!IdentityNames.IsPlain(name))
        {
            result.Error().WriteLine(
                $"jrdlm identity: '{name}' is not a plain name: use letters, digits, '.', '_' or '-', "
                    + "not starting with '.'");
            return ExitCodes.Usage;
        }

        try
        {
            var path = IdentityFiles.Create(BaseDirectory.Resolve(baseDirectory), name, maxSize);
            result.Out().WriteLine(path);
            return ExitCodes.Success;
        }
        catch (ToolException e)
        {
            result.Error().WriteLine($"jrdlm identity: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
