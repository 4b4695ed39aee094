using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Engine.Tests.Infrastructure;

/// <summary>Requests as the protocol's reader hands them to the engine.</summary>
internal static class Requests
{
    public static DlmRequest Make(
        DlmAction? action,
        double ttlSeconds = 30,
        string? value = null,
        string? name = null,
        string? secret = null,
        string owner = "owner-A-4f1c9e",
        string key = Commands.Key)
    {
        var sendsSecret = name is not null && secret is not null;
        var secretUtf8 = sendsSecret ? System.Text.Encoding.UTF8.GetBytes(secret!) : null;
        return new DlmRequest
        {
            Owner = OwnerId.FromString(owner),
            OwnerLength = owner.EnumerateRunes().Count(),
            Key = EntryKey.FromString(key),
            KeyLength = key.EnumerateRunes().Count(),
            Action = action,
            TtlSeconds = ttlSeconds,
            Value = value is null ? null : System.Text.Encoding.UTF8.GetBytes(value),
            ValueLength = value?.EnumerateRunes().Count() ?? 0,
            IdentityName = name,
            IdentitySecret = secretUtf8,
            IdentitySecretLength = name is null ? 0 : secret?.EnumerateRunes().Count() ?? 0,
        };
    }
}
