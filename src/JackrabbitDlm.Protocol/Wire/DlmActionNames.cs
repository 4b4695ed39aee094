namespace JackrabbitDlm.Protocol.Wire;

/// <summary>The wire spelling of each <see cref="DlmAction"/>.</summary>
public static class DlmActionNames
{
    private static readonly string[] Names = ["Lock", "Unlock", "TestLock", "Get", "Put", "Erase", "Version"];

    /// <summary>The canonical wire name, e.g. <c>TestLock</c>.</summary>
    public static string ToWire(this DlmAction action) => Names[(int)action];

    /// <summary>
    /// Reads an action name as the original server does: ASCII case-insensitive, never trimmed.
    /// </summary>
    /// <returns>False for any other text; the server answers <c>BadAction</c> then.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Name, out DlmAction action)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(utf8Name, Names[i]))
            {
                action = (DlmAction)i;
                return true;
            }
        }

        action = default;
        return false;
    }
}
