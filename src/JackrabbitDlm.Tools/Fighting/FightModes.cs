namespace JackrabbitDlm.Tools.Fighting;

/// <summary>The names and letters of <see cref="FightMode"/>s.</summary>
public static class FightModes
{
    /// <summary>The names accepted on the command line, lower case.</summary>
    public static IReadOnlyList<string> Names { get; } = ["patient", "aggressive", "chaos"];

    /// <summary>The letter of the summary line: P, A or C.</summary>
    public static char Letter(this FightMode mode) => mode switch
    {
        FightMode.Patient => 'P',
        FightMode.Aggressive => 'A',
        _ => 'C',
    };

    /// <summary>The command-line name of a mode.</summary>
    public static string Name(this FightMode mode) => Names[(int)mode];

    /// <summary>Reads a mode name, ignoring case.</summary>
    /// <returns>False for a name that is not a mode.</returns>
    public static bool TryParse(string? name, out FightMode mode)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(name, Names[i], StringComparison.OrdinalIgnoreCase))
            {
                mode = (FightMode)i;
                return true;
            }
        }

        mode = default;
        return false;
    }
}
