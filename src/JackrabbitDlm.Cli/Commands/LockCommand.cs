using System.CommandLine;
using JackrabbitDlm.Cli.Infrastructure;
using JackrabbitDlm.Client;

namespace JackrabbitDlm.Cli.Commands;

/// <summary><c>jrdlm lock NAME</c>: takes a lock, or extends it when this owner holds it.</summary>
internal static class LockCommand
{
    public static Command Create()
    {
        var verb = new ClientVerb(
            "lock",
            "Take a lock for --ttl seconds, or extend it when --id holds it. Prints Locked (and "
                + "'token N' when the server sends a fencing token) or NotOwner.");
        verb.SetAction((request, cancellationToken) =>
            request.Locker.LockAsync(request.Ttl, cancellationToken), PrintAsync);
        return verb.Command;
    }

    private static async Task PrintAsync(ParseResult result, LockerResult reply)
    {
        await ClientVerb.PrintStatusAsync(result, reply).ConfigureAwait(false);
        if (reply.Token is { } token)
        {
            await result.Out().WriteLineAsync($"token {token}").ConfigureAwait(false);
        }
    }
}
