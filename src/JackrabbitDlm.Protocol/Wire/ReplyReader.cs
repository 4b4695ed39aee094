using System.Text.Json;
using JackrabbitDlm.Protocol.Encoding;

namespace JackrabbitDlm.Protocol.Wire;

/// <summary>Reads reply lines, from this server or from the original.</summary>
public static class ReplyReader
{
    /// <summary>Reads one encoded reply line (the newline and surrounding white space are ignored).</summary>
    /// <returns>The reply, or null when the line is not an encoded JSON object with a string <c>Status</c>.</returns>
    public static DlmReply? TryReadLine(ReadOnlySpan<byte> line)
    {
        var encoded = line.Trim(" \t\r\n"u8);
        var json = new byte[encoded.Length / 2];
        if (!DlmTextEncoding.TryDecode(encoded, json, out _) || !System.Text.Unicode.Utf8.IsValid(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // Raised when a string holds an escaped lone surrogate, which no string can be read from.
            return null;
        }
    }

    private static DlmReply? FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty(WireNames.Status, out var status)
            || status.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return new DlmReply
        {
            StatusWord = status.GetString()!,
            Id = TextOf(root, WireNames.Id),
            Value = TextOf(root, WireNames.DataStore),
            Token = root.TryGetProperty(WireNames.Token, out var token)
                && token.ValueKind == JsonValueKind.Number
                && token.TryGetInt64(out var number)
                    ? number
                    : null,
        };
    }

    private static string? TextOf(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return field.ValueKind == JsonValueKind.String ? field.GetString() : field.GetRawText();
    }
}
