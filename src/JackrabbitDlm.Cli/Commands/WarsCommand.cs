using System.CommandLine;
using System.CommandLine.Parsing;
using JackrabbitDlm.Cli.Infrastructure;
using JackrabbitDlm.Tools;
using JackrabbitDlm.Tools.Wars;

namespace JackrabbitDlm.Cli.Commands;

/// <summary>
/// <c>jrdlm wars N TARGET</c>: N lock fighters at once against one server, or spread over
/// several servers that share one backend.
/// </summary>
internal static class WarsCommand
{
    public static Command Create()
    {
        var fighters = new Argument<int>("N") { Description = "How many fighters." }.InRange(1, 256);
        var set = new FightOptionSet();
        var servers = new Option<ServerAddress[]>("--server")
        {
            Description = "A server to fight through, instead of --host and --port. Repeat it "
                + "for servers sharing one backend: fighter 1 uses the first, fighter 2 the "
                + "next, round robin.",
            HelpName = "host:port",
            CustomParser = ParseServers,
        };
        var command = new Command(
            "wars",
            "Reset the counter, start N 'jrdlm fight' processes at once, show the counter while "
                + "they run, and end with a table of every fighter and the totals. Fails when a "
                + "fighter fails or sees a violation, or the counter is not TARGET (through "
                + "every --server).");
        command.Arguments.Add(fighters);
        set.AddTo(command);
        command.Options.Add(servers);
        command.Validators.Add(result =>
        {
            if (Given(result, servers) && (Given(result, set.Host) || Given(result, set.Port)))
            {
                result.AddError("Give --server, or --host and --port, not both.");
            }
        });
        command.SetAction((result, cancellationToken) => RunAsync(
            result,
            result.GetValue(fighters),
            result.GetValue(servers) ?? [],
            set,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult result,
        int fighters,
        ServerAddress[] servers,
        FightOptionSet set,
        CancellationToken cancellationToken)
    {
        try
        {
            var (fight, identity) = set.Read(result);
            var (program, leading) = SelfInvocation.Current();
            var options = new WarOptions
            {
                Fighters = fighters,
                Fight = fight,
                Servers = servers,
                FighterProgram = program,
                FighterArguments = through =>
                    [.. leading, .. FightOptionSet.FighterArguments(through, identity)],
            };
            var presenter = new WarPresenter(result.Out());
            var report = await presenter.ShowAsync(options, cancellationToken).ConfigureAwait(false);
            presenter.ShowReport(report);
            return report.ExitCode;
        }
        catch (ToolException e)
        {
            await result.FailAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static ServerAddress[] ParseServers(ArgumentResult result)
    {
        var servers = new List<ServerAddress>();
        foreach (var token in result.Tokens)
        {
            if (ServerAddress.TryParse(token.Value, out var server, out var error))
            {
                servers.Add(server);
            }
            else
            {
                result.AddError($"--server {error}.");
            }
        }

        return [.. servers];
    }

    private static bool Given(CommandResult result, Option option) =>
        result.GetResult(option) is { Implicit: false };
}
