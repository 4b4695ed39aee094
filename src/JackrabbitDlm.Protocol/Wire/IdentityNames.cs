namespace JackrabbitDlm.Protocol.Wire;

/// <summary>
/// Which identity names may reach the filesystem. The original pastes the name into a path
/// unchecked, so <c>../</c> works there; here a name must be a plain file name (section 9).
/// </summary>
public static class IdentityNames
{
    /// <summary>The longest identity name accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>True for 1 to 128 ASCII letters, digits, '.', '_' or '-', not starting with '.'.</summary>
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
