using System.Globalization;
using JackrabbitDlm.Tools;
using JackrabbitDlm.Tools.Fighting;
using JackrabbitDlm.Tools.Wars;
using Spectre.Console;

namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>
/// Shows a war: a live progress bar on a terminal, a line every two seconds otherwise (a log
/// file, CI), and the final table of fighters with the totals.
/// </summary>
internal sealed class WarPresenter
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    private readonly TextWriter _writer;
    private readonly IAnsiConsole _console;
    private readonly bool _live;

    public WarPresenter(TextWriter writer)
    {
        _writer = writer;
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            // A redirected writer has no width; the fighter table needs more than 80 columns.
            _console.Profile.Width = 160;
        }

        _live = terminal && _console.Profile.Capabilities.Interactive;
    }

    public async Task<WarReport> ShowAsync(WarOptions options, CancellationToken cancellationToken)
    {
        foreach (var line in Heading(options))
        {
            _console.WriteLine(line);
        }

        if (!_live)
        {
            var next = TimeSpan.Zero;
            return await WarRunner.RunAsync(options, progress =>
            {
                if (progress.Elapsed >= next || progress.Running == 0)
                {
                    next = progress.Elapsed + PlainInterval;
                    _writer.WriteLine(Describe(progress));
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        return await _console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("starting", maxValue: options.Fight.Target);
                return await WarRunner.RunAsync(options, progress =>
                {
                    bar.Value = progress.Counter ?? bar.Value;
                    bar.Description = Markup.Escape(Describe(progress));
                }, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    public void ShowReport(WarReport report)
    {
        // Short headings and one space between columns: the table fits an 80-column terminal.
        var table = new Table().Border(TableBorder.Simple);
        var several = report.Servers.Count > 1;
        string[] server = several ? ["srv"] : [];
        string[] headers =
        [
            "#", .. server, "pid", "mode", "exit", "secs", "fail", "won", "reads", "writes",
            "cont%", "kill", "final", "viol",
        ];
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(header).RightAligned().Padding(0, 0, 0, 0).NoWrap());
        }

        foreach (var fighter in report.Fighters)
        {
            table.AddRow(Row(fighter, several).Select(cell => new Text(cell)));
        }

        _console.Write(table);
        foreach (var line in Totals(report))
        {
            // Straight to the writer: a summary line is never wrapped at the terminal's width.
            _writer.WriteLine(line);
        }
    }

    // One server: the line of old. Several: a count, and which fighters go through which.
    private static IEnumerable<string> Heading(WarOptions options)
    {
        var invariant = CultureInfo.InvariantCulture;
        var fight = options.Fight;
        var servers = options.EffectiveServers;
        var where = servers.Count == 1 ? $"server {servers[0]}" : $"{servers.Count} servers";
        yield return string.Create(invariant, $"wars: {options.Fighters} fighters, "
            + $"target {fight.Target}, {fight.Mode.Name()} mode, {where}");
        if (servers.Count == 1)
        {
            yield break;
        }

        for (var server = 1; server <= servers.Count; server++)
        {
            var fighters = Enumerable.Range(1, options.Fighters)
                .Where(fighter => options.ServerNumberOf(fighter) == server);
            yield return string.Create(invariant,
                $"  server {server} {servers[server - 1]}: fighters {string.Join(", ", fighters)}");
        }
    }

    private static string Describe(WarProgress progress)
    {
        var invariant = CultureInfo.InvariantCulture;
        var counter = progress.Counter?.ToString(invariant) ?? "?";
        var line = string.Create(
            invariant,
            $"{progress.Elapsed.TotalSeconds,6:0.0} s  counter {counter}/{progress.Target}  "
                + $"fighters running {progress.Running}/{progress.Fighters}");
        if (progress.FightersByServer.Count < 2)
        {
            return line;
        }

        var byServer = progress.RunningByServer.Select((running, i) => string.Create(
            invariant, $"server {i + 1} {running}/{progress.FightersByServer[i]}"));
        return $"{line} ({string.Join(", ", byServer)})";
    }

    private static IEnumerable<string> Row(FighterOutcome fighter, bool withServer)
    {
        var result = fighter.Result;
        string[] server = withServer
            ? [fighter.ServerNumber.ToString(CultureInfo.InvariantCulture)]
            : [];
        string Number(Func<FightResult, long> pick) =>
            result is null ? "-" : pick(result).ToString(CultureInfo.InvariantCulture);
        return
        [
            fighter.Index.ToString(CultureInfo.InvariantCulture),
            .. server,
            fighter.ProcessId.ToString(CultureInfo.InvariantCulture),
            result is null ? "-" : result.Mode.Letter().ToString(),
            fighter.ExitCode < 0 ? "killed" : fighter.ExitCode.ToString(CultureInfo.InvariantCulture),
            result is null ? "-" : result.ElapsedSeconds.ToString("0.00", CultureInfo.InvariantCulture),
            Number(r => r.Failures),
            Number(r => r.Successes),
            Number(r => r.Reads),
            Number(r => r.Writes),
            result is null ? "-" : result.ContentionPercent.ToString("0.00", CultureInfo.InvariantCulture),
            Number(r => r.Killed),
            Number(r => r.FinalCounter),
            Number(r => r.Violations.Count),
        ];
    }

    private static IEnumerable<string> Totals(WarReport report)
    {
        var invariant = CultureInfo.InvariantCulture;
        var final = report.FinalCounter?.ToString(invariant) ?? "unreadable";
        yield return string.Create(invariant, $"target {report.Target}, final counter {final}, "
            + $"{report.Fighters.Count} fighters, {report.Elapsed.TotalSeconds:0.0} s");
        if (report.Servers.Count > 1)
        {
            var byServer = report.FinalCounters.Select((counter, i) =>
                $"server {i + 1} {counter?.ToString(invariant) ?? "unreadable"}");
            yield return $"final counter through each server: {string.Join(", ", byServer)}";
        }

        yield return string.Create(invariant, $"locks granted {report.Successes}, refused {report.Failures}, "
            + $"contention {report.ContentionPercent:0.00} %, {report.LocksPerSecond:0.0} locks/s, "
            + $"{report.IncrementsPerSecond:0.0} increments/s");
        yield return string.Create(invariant, $"violations {report.Violations}");
        foreach (var fighter in report.Fighters)
        {
            foreach (var violation in fighter.Result?.Violations ?? [])
            {
                yield return $"  fighter {fighter.Index}: {violation}";
            }

            // A fighter whose only fault is the violations listed above needs no second line.
            if (!fighter.Succeeded && (fighter.ViolationCount == 0 || fighter.Result?.Error is not null))
            {
                yield return $"  fighter {fighter.Index} failed: {Failure(fighter)}";
            }
        }

        yield return report.ExitCode == ExitCodes.Success ? "result: passed" : "result: FAILED";
    }

    private static string Failure(FighterOutcome fighter) =>
        fighter.Result?.Error
            ?? (fighter.Result is null
                ? $"no report (exit {fighter.ExitCode}) {fighter.ErrorOutput}".TrimEnd()
                : $"exit {fighter.ExitCode}");
}
