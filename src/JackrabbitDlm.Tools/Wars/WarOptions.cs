using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Tools.Wars;

/// <summary>
/// A war: how many fighters, the servers they fight through, how to start one, and the fight
/// they share.
/// </summary>
public sealed record WarOptions
{
    /// <summary>How many fighter processes to start at once; 1 to 256.</summary>
    public required int Fighters { get; init; }

    /// <summary>
    /// The fight every fighter runs: the war reads its target, keys, data owner id and time
    /// limit, and its server when <see cref="Servers"/> is empty.
    /// </summary>
    public required FightOptions Fight { get; init; }

    /// <summary>
    /// The servers the fighters are spread over, round robin: fighter 1 on the first, fighter 2
    /// on the second, and so on. Several servers must share one backend. Empty: the server of
    /// <see cref="Fight"/> alone.
    /// </summary>
    public IReadOnlyList<ServerAddress> Servers { get; init; } = [];

    /// <summary>
    /// The program that runs one fighter, e.g. the <c>jrdlm</c> executable or <c>dotnet</c>.
    /// </summary>
    public required string FighterProgram { get; init; }

    /// <summary>
    /// The arguments of one fighter, given <see cref="Fight"/> with that fighter's server. It
    /// must print its <see cref="FightResult"/> as JSON on a line of its own
    /// (<c>jrdlm fight --json</c>) and exit with the result's exit code.
    /// </summary>
    public required Func<FightOptions, IReadOnlyList<string>> FighterArguments { get; init; }

    /// <summary>How long past the fight's time limit a fighter may run before it is killed.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the counter is read for progress.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The servers fought through: <see cref="Servers"/>, or the fight's own.</summary>
    public IReadOnlyList<ServerAddress> EffectiveServers =>
        Servers.Count > 0 ? Servers : [new ServerAddress(Fight.Host, Fight.Port)];

    /// <summary>The number of the server a fighter fights through, both counted from 1.</summary>
    public int ServerNumberOf(int fighter) => ((fighter - 1) % EffectiveServers.Count) + 1;

    /// <summary>The fight as it goes through one server.</summary>
    public FightOptions FightThrough(ServerAddress server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return Fight with { Host = server.Host, Port = server.Port };
    }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ToolException">A value is out of range.</exception>
    public void Validate()
    {
        if (Fighters is < 1 or > 256)
        {
            throw new ToolException($"a war needs 1 to 256 fighters, not {Fighters}");
        }

        // A server without a fighter would be reset and read, but never fought through.
        if (Servers.Count > Fighters)
        {
            throw new ToolException(
                $"{Fighters} fighters cannot cover {Servers.Count} servers; start at least one "
                    + "fighter per server");
        }

        Fight.Validate();
    }
}
