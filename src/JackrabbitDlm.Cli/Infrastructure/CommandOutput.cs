using System.CommandLine;

namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>Where a command writes: the invocation's output and error writers.</summary>
internal static class CommandOutput
{
    public static TextWriter Out(this ParseResult result) => result.InvocationConfiguration.Output;

    public static TextWriter Error(this ParseResult result) => result.InvocationConfiguration.Error;

    /// <summary>Writes <c>jrdlm &lt;command&gt;: &lt;message&gt;</c> to the error writer.</summary>
    public static Task FailAsync(this ParseResult result, string message) =>
        result.Error().WriteLineAsync($"jrdlm {result.CommandResult.Command.Name}: {message}");
}
