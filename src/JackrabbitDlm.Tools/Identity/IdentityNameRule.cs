namespace JackrabbitDlm.Tools.Identity;

/// <summary>
/// Which identity names are plain file names: 1 to 128 ASCII letters, digits, '.', '_' or '-',
/// not starting with '.'. The server refuses any other name (PROTOCOL.md section 9), so the
/// generator must too; a test holds this rule equal to the engine's.
/// </summary>
public static class IdentityNameRule
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>True when <paramref name="name"/> is a plain identity name.</summary>
    public static bool IsPlain(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || name[0] == '.')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
