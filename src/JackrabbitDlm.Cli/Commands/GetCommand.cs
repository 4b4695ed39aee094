using System.CommandLine;
using JackrabbitDlm.Cli.Infrastructure;
using JackrabbitDlm.Client;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Cli.Commands;

/// <summary><c>jrdlm get NAME</c>: reads the value stored under --id.</summary>
internal static class GetCommand
{
    public static Command Create()
    {
        var raw = new Option<bool>("--raw")
        {
            Description = "Print only the value, exactly as stored, without a status line or a "
                + "newline; the status is in the exit code.",
        };
        var verb = new ClientVerb(
            "get",
            "Read the value stored by --id. Prints Done and the value on the next line, or "
                + "NotFound, NoData or NotOwner.");
        verb.Command.Options.Add(raw);
        verb.SetAction(
            (request, cancellationToken) => request.Locker.GetAsync(cancellationToken),
            (result, reply) => PrintAsync(result, reply, result.GetValue(raw)));
        return verb.Command;
    }

    private static async Task PrintAsync(ParseResult result, LockerResult reply, bool raw)
    {
        var value = reply.Is(DlmStatus.Done) ? reply.Value ?? string.Empty : null;
        if (raw)
        {
            if (value is not null)
            {
                await result.Out().WriteAsync(value).ConfigureAwait(false);
                await result.Out().FlushAsync().ConfigureAwait(false);
            }

            return;
        }

        await ClientVerb.PrintStatusAsync(result, reply).ConfigureAwait(false);
        if (value is not null)
        {
            await result.Out().WriteLineAsync(value).ConfigureAwait(false);
        }
    }
}
