using System.Buffers.Text;
using System.Security.Cryptography;

namespace JackrabbitDlm.Client.Transport;

/// <summary>Makes owner ids the way the original client does.</summary>
internal static class OwnerIds
{
    /// <summary>The fewest random bytes in an id.</summary>
    public const int MinRandomBytes = 37;

    /// <summary>The most random bytes in an id.</summary>
    public const int MaxRandomBytes = 72;

    /// <summary>
    /// A URL-safe base64 text (no padding) of 37 to 72 cryptographically random bytes: 50 to 96
    /// characters. The length varies too, as the original's does.
    /// </summary>
    public static string NewId()
    {
        var length = RandomNumberGenerator.GetInt32(MinRandomBytes, MaxRandomBytes + 1);
        return Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(length));
    }
}
