using System.CommandLine;
using JackrabbitDlm.Cli.Infrastructure;
using JackrabbitDlm.Tools;
using JackrabbitDlm.Tools.Wars;

namespace JackrabbitDlm.Cli.Commands;

/// <summary><c>jrdlm wars N TARGET</c>: N lock fighters at once against one server.</summary>
internal static class WarsCommand
{
    public static Command Create()
    {
        var fighters = new Argument<int>("N") { Description = "How many fighters." }.InRange(1, 256);
        var set = new FightOptionSet();
        var command = new Command(
            "wars",
            "Reset the counter, start N 'jrdlm fight' processes at once, show the counter while "
                + "they run, and end with a table of every fighter and the totals. Fails when a "
                + "fighter fails or sees a violation, or the counter is not TARGET.");
        command.Arguments.Add(fighters);
        set.AddTo(command);
        command.SetAction((result, cancellationToken) =>
            RunAsync(result, result.GetValue(fighters), set, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult result,
        int fighters,
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
                FighterProgram = program,
                FighterArguments = [.. leading, .. FightOptionSet.FighterArguments(fight, identity)],
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
}
