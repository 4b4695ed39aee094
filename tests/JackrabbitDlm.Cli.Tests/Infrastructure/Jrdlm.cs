using System.CommandLine;
using JackrabbitDlm.Cli.Commands;
using JackrabbitDlm.Cli.Infrastructure;

namespace JackrabbitDlm.Cli.Tests.Infrastructure;

/// <summary>Runs <c>jrdlm</c> command lines in this process, capturing what they print.</summary>
internal static class Jrdlm
{
    public static async Task<CliOutcome> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        var exitCode = await CommandRunner.RunAsync(JrdlmCommand.Create(), args, invocation);
        return new CliOutcome(exitCode, output.ToString(), error.ToString());
    }
}
