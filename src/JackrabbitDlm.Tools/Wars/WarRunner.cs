using System.Diagnostics;
using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Tools.Wars;

/// <summary>
/// Runs a war: checks that its servers share one backend, resets the shared counter, starts
/// every fighter process at once, spread over the servers, reports the counter while they run,
/// and collects their reports.
/// </summary>
public static class WarRunner
{
    /// <summary>Runs the war to its end.</summary>
    /// <param name="options">The war.</param>
    /// <param name="progress">
    /// Called every <see cref="WarOptions.ProgressInterval"/>; may be null.
    /// </param>
    /// <param name="cancellationToken">Ends the war early; running fighters are killed.</param>
    /// <returns>Every fighter's outcome, the final counter and the totals.</returns>
    /// <exception cref="ToolException">
    /// The options are out of range, a server cannot be reached, the servers do not share one
    /// backend, the counter belongs to another owner, or a fighter cannot be started.
    /// </exception>
    public static async Task<WarReport> RunAsync(
        WarOptions options,
        Action<WarProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var servers = options.EffectiveServers;
        var fights = servers.Select(options.FightThrough).ToArray();
        await SharedBackendCheck.RunAsync(servers, options.Fight, cancellationToken)
            .ConfigureAwait(false);
        await FightEntries.ResetAsync(fights[0], cancellationToken).ConfigureAwait(false);

        var started = Stopwatch.GetTimestamp();
        var fighters = new List<FighterProcess>(options.Fighters);
        try
        {
            for (var i = 1; i <= options.Fighters; i++)
            {
                var server = options.ServerNumberOf(i);
                var arguments = options.FighterArguments(fights[server - 1]);
                fighters.Add(FighterProcess.Start(i, server, options.FighterProgram, arguments));
            }

            var killed = await WatchAsync(
                    options, fights, fighters, started, progress, cancellationToken)
                .ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            return new WarReport
            {
                Target = options.Fight.Target,
                Servers = servers,
                FinalCounters = await ReadCountersAsync(fights).ConfigureAwait(false),
                Elapsed = elapsed,
                Fighters = fighters
                    .Select(fighter => fighter.ToOutcome(killed.Contains(fighter)))
                    .ToArray(),
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
        FightOptions[] fights,
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
            var counter = await FightEntries.TryReadCounterAsync(fights[0], CancellationToken.None)
                .ConfigureAwait(false);
            progress?.Invoke(Progress(counter, options, fighters, started));
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

    private static WarProgress Progress(
        long? counter, WarOptions options, List<FighterProcess> fighters, long started)
    {
        var servers = Enumerable.Range(1, options.EffectiveServers.Count).ToArray();
        int[] Count(Func<FighterProcess, bool> which) =>
            servers.Select(server => fighters.Count(f => f.ServerNumber == server && which(f)))
                .ToArray();

        // One look at each process, so the total and the parts always agree.
        var running = Count(fighter => !fighter.HasExited);
        return new WarProgress(
            counter,
            options.Fight.Target,
            running.Sum(),
            fighters.Count,
            Stopwatch.GetElapsedTime(started),
            RunningByServer: running,
            FightersByServer: Count(_ => true));
    }

    // Through every server, not just one: a server that reads another value does not share the
    // backend after all, whatever the fighters saw.
    private static async Task<long?[]> ReadCountersAsync(FightOptions[] fights)
    {
        var counters = new long?[fights.Length];
        for (var i = 0; i < fights.Length; i++)
        {
            counters[i] = await FightEntries.TryReadCounterAsync(fights[i], CancellationToken.None)
                .ConfigureAwait(false);
        }

        return counters;
    }
}
