using System.CommandLine;
using System.Globalization;
using JackrabbitDlm.Tools.Fighting;
using JackrabbitDlm.Tools.Identity;

namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>The options of <c>jrdlm fight</c>, which <c>jrdlm wars</c> passes on to its fighters.</summary>
internal sealed class FightOptionSet
{
    private readonly ServerOptionSet _server = new();

    public Argument<long> Target { get; } = new Argument<long>("TARGET")
    {
        Description = "The counter value at which the fight ends.",
    }.InRange(1, long.MaxValue);

    /// <summary>The server's host, which <c>jrdlm wars --server</c> replaces.</summary>
    public Option<string> Host => _server.Host;

    /// <summary>The server's port, which <c>jrdlm wars --server</c> replaces.</summary>
    public Option<int> Port => _server.Port;

    public Option<string> Mode { get; } = CreateMode();

    public Option<bool> LocksOnly { get; } = new("--locks-only")
    {
        Description = "Fight over the lock only; send no junk values.",
    };

    public Option<string> Prefix { get; } = new("--prefix")
    {
        Description = "Entry keys start with this: <prefix>:lock, <prefix>:counter, <prefix>:fence.",
        DefaultValueFactory = _ => "fight",
        HelpName = "text",
    };

    public Option<string?> DataId { get; } = new("--data-id")
    {
        Description = "Owner id of the shared counter, the same for every fighter of one war "
            + "[default: derived from the counter's key].",
        HelpName = "id",
    };

    public Option<double> LockTtl { get; } = new Option<double>("--lock-ttl")
    {
        Description = "Seconds a lock lives unless released.",
        DefaultValueFactory = _ => 30,
        HelpName = "seconds",
    }.InRange(0.1, 3543);

    public Option<double> TimeLimit { get; } = new Option<double>("--time-limit")
    {
        Description = "Seconds after which a fighter gives up.",
        DefaultValueFactory = _ => 600,
        HelpName = "seconds",
    }.InRange(1, 86400);

    public Option<bool> KeepAlive { get; } = new("--keep-alive")
    {
        Description = "Ask the server to keep connections open between requests.",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Target);
        command.Options.Add(Mode);
        command.Options.Add(LocksOnly);
        _server.AddTo(command);
        command.Options.Add(Prefix);
        command.Options.Add(DataId);
        command.Options.Add(LockTtl);
        command.Options.Add(TimeLimit);
        command.Options.Add(KeepAlive);
    }

    /// <summary>The fight the command line describes, and the identity it names.</summary>
    /// <exception cref="Tools.ToolException">The identity file cannot be read.</exception>
    public (FightOptions Fight, IdentityChoice? Identity) Read(ParseResult result)
    {
        var identity = _server.ReadIdentity(result);
        // The parser accepts only the mode names, so this cannot fail on a parsed command line.
        var mode = FightModes.TryParse(result.GetValue(Mode), out var named) ? named : FightMode.Patient;
        var fight = new FightOptions
        {
            Target = result.GetValue(Target),
            Mode = mode,
            LocksOnly = result.GetValue(LocksOnly),
            Host = result.GetValue(_server.Host)!,
            Port = result.GetValue(_server.Port),
            IdentityName = identity?.Name,
            IdentitySecret = identity?.File.Secret,
            IdentityMaxSize = identity?.File.EffectiveMaxSize ?? IdentityFile.DefaultMaxSize,
            KeyPrefix = result.GetValue(Prefix)!,
            DataOwnerId = result.GetValue(DataId),
            LockTtl = TimeSpan.FromSeconds(result.GetValue(LockTtl)),
            TimeLimit = TimeSpan.FromSeconds(result.GetValue(TimeLimit)),
            KeepAlive = result.GetValue(KeepAlive),
        };
        return (fight, identity);
    }

    /// <summary>
    /// The arguments of a <c>jrdlm fight</c> that fights <paramref name="fight"/> and reports
    /// as JSON. The identity goes by its file, never by its secret, which others could read in
    /// the process list.
    /// </summary>
    public static List<string> FighterArguments(FightOptions fight, IdentityChoice? identity)
    {
        var arguments = new List<string>
        {
            "fight",
            Text(fight.Target),
            "--json",
            "--mode", fight.Mode.Name(),
            "--host", fight.Host,
            "--port", Text(fight.Port),
            "--prefix", fight.KeyPrefix,
            "--data-id", fight.EffectiveDataOwnerId,
            "--lock-ttl", Text(fight.LockTtl.TotalSeconds),
            "--time-limit", Text(fight.TimeLimit.TotalSeconds),
        };
        if (fight.LocksOnly)
        {
            arguments.Add("--locks-only");
        }

        if (fight.KeepAlive)
        {
            arguments.Add("--keep-alive");
        }

        if (identity is not null)
        {
            arguments.AddRange(["--name", identity.Name, "--identity-file", identity.Path]);
        }

        return arguments;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static Option<string> CreateMode()
    {
        var mode = new Option<string>("--mode")
        {
            Description = "patient: retry with pauses; aggressive: single attempts, no pauses; "
                + "chaos: a random mix.",
            DefaultValueFactory = _ => FightMode.Patient.Name(),
        };
        mode.AcceptOnlyFromAmong([.. FightModes.Names]);
        return mode;
    }
}
