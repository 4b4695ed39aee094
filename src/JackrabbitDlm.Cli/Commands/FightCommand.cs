using System.CommandLine;
using JackrabbitDlm.Cli.Infrastructure;
using JackrabbitDlm.Tools;
using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Cli.Commands;

/// <summary><c>jrdlm fight TARGET</c>: one lock fighter.</summary>
internal static class FightCommand
{
    public static Command Create()
    {
        var set = new FightOptionSet();
        var json = new Option<bool>("--json")
        {
            Description = "Print the result as one line of JSON instead of the summary line.",
        };
        var reset = new Option<bool>("--reset")
        {
            Description = "Erase the counter first, while no other fighter runs: erasing it under "
                + "a running fighter is itself a violation (wars resets for its fighters).",
        };
        var command = new Command(
            "fight",
            "Increment a counter on the server, only while holding a lock, until it reaches "
                + "TARGET; report lost increments and overlapping holders. Prints: mode pid "
                + "seconds failures successes reads writes contention% killed counter.");
        set.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(reset);
        command.SetAction((result, cancellationToken) =>
            RunAsync(result, set, result.GetValue(json), result.GetValue(reset), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult result,
        FightOptionSet set,
        bool json,
        bool reset,
        CancellationToken cancellationToken)
    {
        FightResult outcome;
        try
        {
            var (fight, _) = set.Read(result);
            if (reset)
            {
                await FightEntries.ResetAsync(fight, cancellationToken).ConfigureAwait(false);
            }

            using var fighter = new Fighter(fight);
            outcome = await fighter.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ToolException e)
        {
            await result.FailAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        if (json)
        {
            await result.Out().WriteLineAsync(outcome.ToJson()).ConfigureAwait(false);
            return outcome.ExitCode;
        }

        await result.Out().WriteLineAsync(outcome.SummaryLine()).ConfigureAwait(false);
        foreach (var violation in outcome.Violations)
        {
            await result.Out().WriteLineAsync($"violation {violation}").ConfigureAwait(false);
        }

        await ReportProblemsAsync(result, outcome).ConfigureAwait(false);
        return outcome.ExitCode;
    }

    private static async Task ReportProblemsAsync(ParseResult result, FightResult outcome)
    {
        if (outcome.Error is not null)
        {
            await result.FailAsync(outcome.Error).ConfigureAwait(false);
        }

        if (outcome.AnonymousJunkAccepted > 0)
        {
            await result.FailAsync(
                $"the server stored {outcome.AnonymousJunkAccepted} oversized anonymous values; "
                    + "it must refuse them").ConfigureAwait(false);
        }

        if (outcome.IdentityJunkRefused > 0)
        {
            await result.FailAsync(
                $"the server refused {outcome.IdentityJunkRefused} values sent with the identity; "
                    + "does it know the identity?").ConfigureAwait(false);
        }
    }
}
