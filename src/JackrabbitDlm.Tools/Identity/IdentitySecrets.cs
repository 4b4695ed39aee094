using System.Security.Cryptography;

namespace JackrabbitDlm.Tools.Identity;

/// <summary>Makes identity secrets the way the original generator does.</summary>
public static class IdentitySecrets
{
    /// <summary>The shortest secret: the server refuses a shorter one (PROTOCOL.md section 6).</summary>
    public const int MinLength = 1023;

    /// <summary>The longest secret the generator makes.</summary>
    public const int MaxLength = 2046;

    /// <summary>The characters of a secret: URL-safe, so it needs no escaping anywhere.</summary>
    public const string Alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>
    /// A cryptographically random secret of <see cref="MinLength"/> to <see cref="MaxLength"/>
    /// characters; the length is random too.
    /// </summary>
    public static string NewSecret()
    {
        var length = RandomNumberGenerator.GetInt32(MinLength, MaxLength + 1);
        return RandomNumberGenerator.GetString(Alphabet, length);
    }
}
