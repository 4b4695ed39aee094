using System.Text.Json;

namespace JackrabbitDlm.Protocol.Tests.TestData;

/// <summary>
/// The files recorded from the original server (tests/TestData/original-server), copied next to
/// the test assembly by the project file.
/// </summary>
internal static class OriginalServerData
{
    public const string EncodingVectors = "encoding-vectors.jsonl";
    public const string DecodingVectors = "decoding-vectors.jsonl";
    public const string SessionTranscripts = "session-transcripts.jsonl";

    public static IReadOnlyList<JsonElement> ReadLines(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", fileName);
        return File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();
    }

    /// <summary>The <c>name</c> of every line, for theories that take one vector each.</summary>
    public static TheoryData<string> Names(string fileName)
    {
        var names = new TheoryData<string>();
        foreach (var line in ReadLines(fileName))
        {
            names.Add(line.GetProperty("name").GetString()!);
        }

        return names;
    }

    /// <summary>The line with this <c>name</c>; names are unique within a file.</summary>
    public static JsonElement Find(string fileName, string name) =>
        ReadLines(fileName).First(line => line.GetProperty("name").GetString() == name);

    /// <summary>A string property, or null when it is absent or JSON null.</summary>
    public static string? OptionalString(this JsonElement line, string property) =>
        line.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
