using System.CommandLine;
using JackrabbitDlm.Cli.Infrastructure;
using JackrabbitDlm.Client;

namespace JackrabbitDlm.Cli.Commands;

/// <summary><c>jrdlm version [NAME]</c>: asks the server for its name and version.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var verb = new ClientVerb(
            "version",
            "Ask the server for its version. Prints Version and e.g. JackrabbitDLM/1.0.0.",
            defaultKey: "Version");
        verb.SetAction(
            (request, cancellationToken) => request.Locker.VersionAsync(cancellationToken),
            PrintAsync);
        return verb.Command;
    }

    private static async Task PrintAsync(ParseResult result, LockerResult reply)
    {
        await ClientVerb.PrintStatusAsync(result, reply).ConfigureAwait(false);
        if (reply.Id is { } version)
        {
            await result.Out().WriteLineAsync(version).ConfigureAwait(false);
        }
    }
}
