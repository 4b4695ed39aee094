using System.Security.Cryptography;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Server.Files;

/// <summary>
/// Names of value files: 32 hex digits of the key's SHA-256, 16 of the write sequence, 8 random,
/// joined by '-', then <c>.db</c>. Safe for any entry key, unique per write, and recognisable, so
/// nothing else in Disk/ is touched.
/// </summary>
internal static class SpillFileName
{
    /// <summary>The extension of a finished value file.</summary>
    public const string Extension = ".db";

    /// <summary>Appended to a value file's name while it is being written.</summary>
    public const string TempSuffix = ".tmp";

    private const int KeyHexLength = 32;
    private const int Length = KeyHexLength + 1 + 16 + 1 + 8 + 3;

    /// <summary>A new name for a value of <paramref name="key"/> written as <paramref name="sequence"/>.</summary>
    public static string Create(EntryKey key, long sequence)
    {
        var keyHash = Convert.ToHexStringLower(SHA256.HashData(key.Utf8))[..KeyHexLength];
        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        return $"{keyHash}-{sequence:x16}-{random}{Extension}";
    }

    /// <summary>True for a name <see cref="Create"/> could have made: no path, nothing else.</summary>
    public static bool IsValid(string? name)
    {
        if (name is null || name.Length != Length || !name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < Length - Extension.Length; i++)
        {
            var dash = i is KeyHexLength or KeyHexLength + 17;
            if (dash ? name[i] != '-' : !char.IsAsciiHexDigitLower(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a temporary file a write left behind.</summary>
    public static bool IsTemporary(string name) =>
        name.EndsWith(Extension + TempSuffix, StringComparison.Ordinal)
        && IsValid(name[..^TempSuffix.Length]);
}
