using System.CommandLine;
using JackrabbitDlm.Cli.Infrastructure;

namespace JackrabbitDlm.Cli.Commands;

/// <summary><c>jrdlm testlock NAME</c>: asks whether a lock is held, without taking it.</summary>
internal static class TestLockCommand
{
    public static Command Create()
    {
        var verb = new ClientVerb(
            "testlock",
            "Ask about a lock without taking it. Prints Locked (held by --id), Unlocked (free) "
                + "or NotOwner (held by another owner).");
        verb.SetAction((request, cancellationToken) =>
            request.Locker.IsLockedAsync(request.Ttl, acquire: false, cancellationToken));
        return verb.Command;
    }
}
