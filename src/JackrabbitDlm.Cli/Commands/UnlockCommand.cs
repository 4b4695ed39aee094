using System.CommandLine;
using JackrabbitDlm.Cli.Infrastructure;

namespace JackrabbitDlm.Cli.Commands;

/// <summary><c>jrdlm unlock NAME</c>: releases the entry (its value too).</summary>
internal static class UnlockCommand
{
    public static Command Create()
    {
        var verb = new ClientVerb(
            "unlock",
            "Release the entry held by --id, value included. Prints Unlocked (also when there "
                + "was nothing to release) or NotOwner.");
        verb.SetAction((request, cancellationToken) => request.Locker.UnlockAsync(cancellationToken));
        return verb.Command;
    }
}
