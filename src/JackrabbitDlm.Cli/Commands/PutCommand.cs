using System.CommandLine;
using System.Text;
using JackrabbitDlm.Cli.Infrastructure;
using JackrabbitDlm.Tools;

namespace JackrabbitDlm.Cli.Commands;

/// <summary><c>jrdlm put NAME VALUE</c>: stores a value; <c>-</c> reads it from standard input.</summary>
internal static class PutCommand
{
    public static Command Create()
    {
        var value = new Argument<string>("VALUE")
        {
            Description = "The value (UTF-8 text), or - to read it whole from standard input.",
        };
        var verb = new ClientVerb(
            "put",
            "Store a value under --id for --ttl seconds. Prints Done, NotOwner, BadPayload "
                + "(too large for the identity) or NO (server short of memory).");
        verb.Command.Arguments.Add(value);
        verb.SetAction(async (request, cancellationToken) =>
        {
            var text = request.Result.GetValue(value)!;
            if (text == "-")
            {
                text = await ReadStandardInputAsync(cancellationToken).ConfigureAwait(false);
            }

            return await request.Locker.PutAsync(request.Ttl, text, cancellationToken).ConfigureAwait(false);
        });
        return verb.Command;
    }

    // Read as bytes and decoded strictly, without a byte order mark being dropped, so the value
    // stored is exactly what was piped in.
    private static async Task<string> ReadStandardInputAsync(CancellationToken cancellationToken)
    {
        using var input = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw new ToolException("standard input is not UTF-8 text; values are text");
        }
    }
}
