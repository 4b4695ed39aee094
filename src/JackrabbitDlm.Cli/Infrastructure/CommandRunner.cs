using System.CommandLine;
using System.CommandLine.Invocation;
using JackrabbitDlm.Tools;

namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>
/// Parses and runs a command line. A command line that does not parse exits with
/// <see cref="ExitCodes.Usage"/>, apart from every status code a command may return.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(
        RootCommand root,
        IReadOnlyList<string> args,
        InvocationConfiguration? invocation = null,
        CancellationToken cancellationToken = default)
    {
        invocation ??= new InvocationConfiguration();
        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
            {
                await invocation.Error.WriteLineAsync($"jrdlm: {error.Message}").ConfigureAwait(false);
            }

            var command = parsed.CommandResult.Command is RootCommand
                ? "jrdlm"
                : "jrdlm " + parsed.CommandResult.Command.Name;
            await invocation.Error.WriteLineAsync($"Run '{command} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
