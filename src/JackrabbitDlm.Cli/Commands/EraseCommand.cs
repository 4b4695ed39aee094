using System.CommandLine;
using JackrabbitDlm.Cli.Infrastructure;

namespace JackrabbitDlm.Cli.Commands;

/// <summary><c>jrdlm erase NAME</c>: removes the entry and its value.</summary>
internal static class EraseCommand
{
    public static Command Create()
    {
        var verb = new ClientVerb(
            "erase",
            "Remove the entry of --id and its value. Prints Done, NotFound or NotOwner.");
        verb.SetAction((request, cancellationToken) => request.Locker.EraseAsync(cancellationToken));
        return verb.Command;
    }
}
