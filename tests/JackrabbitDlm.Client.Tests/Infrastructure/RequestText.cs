using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Client.Tests.Infrastructure;

/// <summary>The text fields of a request as the tests compare them.</summary>
internal static class RequestText
{
    public static string Owner(this DlmRequest request) => request.Owner.ToFullString();

    public static string Key(this DlmRequest request) => request.Key.ToString();

    public static string? ValueText(this DlmRequest request) =>
        request.Value is null ? null : System.Text.Encoding.UTF8.GetString(request.Value);

    public static string? SecretText(this DlmRequest request) =>
        request.IdentitySecret is null ? null : System.Text.Encoding.UTF8.GetString(request.IdentitySecret);
}
