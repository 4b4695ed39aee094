namespace JackrabbitDlm.Engine.Validation;

/// <summary>An identity file's contents (section 8): the secret and the value size it allows.</summary>
/// <param name="SecretUtf8">The secret as UTF-8.</param>
/// <param name="MaxValueLength">The longest value, in code points, the identity may store.</param>
public sealed record IdentityRecord(byte[] SecretUtf8, int MaxValueLength)
{
    /// <summary>The size limit of an identity file without <c>MaxSize</c>.</summary>
    public const int DefaultMaxValueLength = 16384;

    /// <summary>Secrets shorter than this many characters make the file, or the request, invalid.</summary>
    public const int MinSecretLength = 1023;
}
