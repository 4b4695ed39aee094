using System.Text.Json;
using JackrabbitDlm.Protocol.Encoding;

namespace JackrabbitDlm.Server.Tests.Infrastructure;

/// <summary>Encoding and decoding of whole lines for tests.</summary>
internal static class Wire
{
    public static string EncodeLine(string json) => DlmTextEncoding.EncodeText(json) + "\n";

    public static JsonElement DecodeReply(string line)
    {
        var json = DlmTextEncoding.DecodeText(line.Trim())
            ?? throw new InvalidDataException($"The reply line is not a valid encoding: {line}");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The JSON member asking to keep the connection open.</summary>
    public const string KeepAlive = "\"KeepAlive\": true";

    /// <summary>A request as the original client writes it, with optional extra JSON members.</summary>
    public static string Request(
        string owner,
        string key,
        string action,
        string expire = "30",
        string? extra = null)
    {
        var fields = $"\"ID\": {Quote(owner)}, \"FileName\": {Quote(key)}, "
            + $"\"Action\": {Quote(action)}, \"Expire\": {Quote(expire)}";
        return extra is null ? $"{{{fields}}}" : $"{{{fields}, {extra}}}";
    }

    /// <summary>The JSON member carrying a value.</summary>
    public static string Value(string value) => $"\"DataStore\": {Quote(value)}";

    public static string Quote(string text) => JsonSerializer.Serialize(text);

    public static string? Status(this JsonElement? reply) => Text(reply, "Status");

    public static string? Id(this JsonElement? reply) => Text(reply, "ID");

    private static string? Text(JsonElement? reply, string field) =>
        reply is { } element && element.TryGetProperty(field, out var value) ? value.GetString() : null;
}
