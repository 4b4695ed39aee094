using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Tools.Wars;

/// <summary>A war: how many fighters, how to start one, and the fight they share.</summary>
public sealed record WarOptions
{
    /// <summary>How many fighter processes to start at once; 1 to 256.</summary>
    public required int Fighters { get; init; }

    /// <summary>
    /// The fight every fighter runs: the war reads its target, keys, data owner id, server and
    /// time limit. The fighters get the same through <see cref="FighterArguments"/>.
    /// </summary>
    public required FightOptions Fight { get; init; }

    /// <summary>The program that runs one fighter, e.g. the <c>jrdlm</c> executable or <c>dotnet</c>.</summary>
    public required string FighterProgram { get; init; }

    /// <summary>
    /// The fighter's arguments. It must print its <see cref="FightResult"/> as JSON on a line of
    /// its own (<c>jrdlm fight --json</c>) and exit with the result's exit code.
    /// </summary>
    public required IReadOnlyList<string> FighterArguments { get; init; }

    /// <summary>How long past the fight's time limit a fighter may run before it is killed.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the counter is read for progress.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ToolException">A value is out of range.</exception>
    public void Validate()
    {
        if (Fighters is < 1 or > 256)
        {
            throw new ToolException($"a war needs 1 to 256 fighters, not {Fighters}");
        }

        Fight.Validate();
    }
}
