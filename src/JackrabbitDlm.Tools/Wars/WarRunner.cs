using System.Diagnostics;
using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Tools.Wars;

/// <summary>
/// Runs a war: resets the shared counter, starts every fighter process at once, reports the
/// counter while they run, and collects their reports.
/// </summary>
public static class WarRunner
{
    /// <summary>Runs the war to its end.</summary>
    /// <param name="options">The war.</param>
    /// <param name="progress">Called every <see cref="WarOptions.ProgressInterval"/>; may be null.</param>
    /// <param name="cancellationToken">Ends the war early; running fighters are killed.</param>
    /// <returns>Every fighter's outcome, the final counter and the totals.</returns>
    /// <exception cref="ToolException">
    /// The options are out of range, the server cannot be reached, the counter belongs to
    /// another owner, or a fighter cannot be started.
    /// </exception>
    public static async Task<WarReport> RunAsync(
        WarOptions options,
        Action<WarProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var fight = options.Fight;
        await FightEntries.ResetAsync(fight, cancellationToken).ConfigureAwait(false);

        var started = Stopwatch.GetTimestamp();
        var fighters = new List<FighterProcess>(options.Fighters);
        try
        {
            for (var i = 1; i <= options.Fighters; i++)
            {
                fighters.Add(FighterProcess.Start(i, options.FighterProgram, options.FighterArguments));
            }

            var killed = await WatchAsync(options, fighters, started, progress, cancellationToken)
                .ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            return new WarReport
            {
                Target = fight.Target,
                FinalCounter = await FightEntries.TryReadCounterAsync(fight, CancellationToken.None)
                    .ConfigureAwait(false),
                Elapsed = elapsed,
                Fighters = fighters.Select(fighter => fighter.ToOutcome(killed.Contains(fighter))).ToArray(),
            };
        }
        finally
        {
            foreach (var fighter in fighters)
            {
                if (!fighter.HasExited)
                {
                    fighter.Kill();
                }

                fighter.Dispose();
            }
        }
    }

    // Returns the fighters that had to be killed for running past the time limit.
    private static async Task<HashSet<FighterProcess>> WatchAsync(
        WarOptions options,
        List<FighterProcess> fighters,
        long started,
        Action<WarProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Fight.TimeLimit + options.Grace);
        var all = Task.WhenAll(fighters.Select(fighter => fighter.WaitAsync(deadline.Token)));
        while (!all.IsCompleted)
        {
            await Task.WhenAny(all, Task.Delay(options.ProgressInterval, CancellationToken.None))
                .ConfigureAwait(false);
            progress?.Invoke(new WarProgress(
                await FightEntries.TryReadCounterAsync(options.Fight, CancellationToken.None)
                    .ConfigureAwait(false),
                options.Fight.Target,
                fighters.Count(fighter => !fighter.HasExited),
                fighters.Count,
                Stopwatch.GetElapsedTime(started)));
        }

        var killed = new HashSet<FighterProcess>();
        if (!all.IsCompletedSuccessfully)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var fighter in fighters.Where(fighter => !fighter.HasExited))
            {
                fighter.Kill();
                killed.Add(fighter);
            }
        }

        return killed;
    }
}
