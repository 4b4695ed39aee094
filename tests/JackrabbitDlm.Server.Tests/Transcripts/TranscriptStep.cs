using System.Text.Json;

namespace JackrabbitDlm.Server.Tests.Transcripts;

/// <summary>
/// One recorded request and the original server's answer (see
/// tests/TestData/original-server/README.md).
/// </summary>
internal sealed record TranscriptStep
{
    public required string Scenario { get; init; }

    public required int Step { get; init; }

    /// <summary>
    /// The JSON object sent, encoded as the original client does; null when <see
    /// cref="RequestRaw"/> is used.
    /// </summary>
    public JsonElement? Request { get; init; }

    /// <summary>
    /// The exact text sent: a text, a list of writes with pauses, or a length with prefix and
    /// suffix.
    /// </summary>
    public JsonElement? RequestRaw { get; init; }

    /// <summary>The decoded reply, or null when none came.</summary>
    public JsonElement? Response { get; init; }

    public string? Outcome { get; init; }

    public double SleepBeforeSeconds { get; init; }

    public bool ServerRestartedBefore { get; init; }

    /// <summary>True when the original server process stopped after this request.</summary>
    public bool ServerExited { get; init; }

    public override string ToString() => $"{Scenario} #{Step}";

    public static TranscriptStep Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return new TranscriptStep
        {
            Scenario = root.GetProperty("scenario").GetString()!,
            Step = root.GetProperty("step").GetInt32(),
            Request = Optional(root, "request"),
            RequestRaw = Optional(root, "request_raw"),
            Response = Optional(root, "response"),
            Outcome = Optional(root, "outcome")?.GetString(),
            SleepBeforeSeconds = Optional(root, "sleep_before_s")?.GetDouble() ?? 0,
            ServerRestartedBefore = Optional(root, "server_restarted_before")?.GetBoolean() is true,
            ServerExited = Optional(root, "server_exited")?.GetBoolean() is true,
        };
    }

    private static JsonElement? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.Clone()
            : null;
}
