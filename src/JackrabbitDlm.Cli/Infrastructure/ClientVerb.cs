using System.CommandLine;
using JackrabbitDlm.Client;
using JackrabbitDlm.Tools;

namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>
/// What the client verbs (<c>lock</c>, <c>get</c>, ...) share: the entry key argument, the
/// server and owner options, sending one request, printing the status and exiting with its code.
/// </summary>
internal sealed class ClientVerb
{
    private readonly ServerOptionSet _server = new();

    private readonly Option<string?> _ownerId = new("--id")
    {
        Description = "Owner id. Default: a new random one, so a lock taken by one command "
            + "can only be unlocked by another that passes the same --id.",
        HelpName = "id",
    };

    private readonly Option<double> _ttl = new Option<double>("--ttl")
    {
        Description = "Time to live in seconds, for lock and put (anonymous limit: 3543).",
        DefaultValueFactory = _ => Locker.DefaultTtl.TotalSeconds,
        HelpName = "seconds",
    }.InRange(0, 1e9);

    private readonly Option<int> _retries = new Option<int>("--retries")
    {
        Description = "Times to retry when the server cannot be reached, 0.5 s apart.",
        DefaultValueFactory = _ => 2,
        HelpName = "count",
    }.InRange(0, 100);

    public ClientVerb(string name, string description, string? defaultKey = null)
    {
        Command = new Command(name, description);
        Key = new Argument<string>("NAME") { Description = "The entry key (wire FileName)." };
        if (defaultKey is not null)
        {
            Key.Arity = ArgumentArity.ZeroOrOne;
            Key.DefaultValueFactory = _ => defaultKey;
        }

        Key.Validators.Add(result =>
        {
            if (string.IsNullOrEmpty(result.GetValueOrDefault<string>()))
            {
                result.AddError("NAME must not be empty.");
            }
        });
        Command.Arguments.Add(Key);
        Command.Options.Add(_ownerId);
        Command.Options.Add(_ttl);
        Command.Options.Add(_retries);
        _server.AddTo(Command);
    }

    public Command Command { get; }

    public Argument<string> Key { get; }

    /// <summary>Sets what the verb sends and, when it prints more than the status, how.</summary>
    public void SetAction(
        Func<VerbRequest, CancellationToken, Task<LockerResult>> send,
        Func<ParseResult, LockerResult, Task>? print = null) =>
        Command.SetAction((result, cancellationToken) =>
            RunAsync(result, send, print ?? PrintStatusAsync, cancellationToken));

    public static Task PrintStatusAsync(ParseResult result, LockerResult reply) =>
        result.Out().WriteLineAsync(reply.StatusWord);

    private async Task<int> RunAsync(
        ParseResult result,
        Func<VerbRequest, CancellationToken, Task<LockerResult>> send,
        Func<ParseResult, LockerResult, Task> print,
        CancellationToken cancellationToken)
    {
        try
        {
            var options = _server.Read(result, result.GetValue(_ownerId), result.GetValue(_retries));
            using var locker = new Locker(result.GetValue(Key)!, options);
            var request = new VerbRequest(locker, result, TimeSpan.FromSeconds(result.GetValue(_ttl)));
            var reply = await send(request, cancellationToken).ConfigureAwait(false);
            if (reply.IsFailure)
            {
                await result.FailAsync($"cannot reach {options.Host}:{options.Port}: {reply.Error}")
                    .ConfigureAwait(false);
                return ExitCodes.ConnectionFailed;
            }

            await print(result, reply).ConfigureAwait(false);
            return ExitCodes.ForStatus(reply.Status);
        }
        catch (ToolException e)
        {
            await result.FailAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (DlmProtocolException e)
        {
            await result.FailAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.ProtocolError;
        }
    }
}
