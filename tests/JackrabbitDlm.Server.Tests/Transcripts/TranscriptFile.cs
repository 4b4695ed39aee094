using JackrabbitDlm.Protocol.Wire;
using JackrabbitDlm.Server.Tests.Infrastructure;

namespace JackrabbitDlm.Server.Tests.Transcripts;

/// <summary>The recorded sessions with the original server, and the identity they use.</summary>
internal static class TranscriptFile
{
    public const string IdentityName = "transcript";

    // The recording's Config/transcript.cfg allowed values this long ("MaxSize": 1048576).
    public const int IdentityMaxValueLength = 1048576;

    public static IReadOnlyList<TranscriptStep> Steps { get; } = Load();

    /// <summary>
    /// An identity store holding <c>Config/transcript.cfg</c> with the secret the transcript sends.
    /// </summary>
    public static FixedIdentityStore Identity { get; } =
        new(IdentityName, FindSecret(), IdentityMaxValueLength);

    public static IEnumerable<string> ScenarioNames =>
        Steps.Select(step => step.Scenario).Distinct();

    public static IReadOnlyList<TranscriptStep> Scenario(string name) =>
        [.. Steps.Where(step => step.Scenario == name)];

    private static List<TranscriptStep> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "session-transcripts.jsonl");
        var lines = File.ReadLines(path).Where(line => line.Length > 0);
        return [.. lines.Select(TranscriptStep.Parse)];
    }

    // The secret is the Identity of the requests that authenticate successfully.
    private static string FindSecret() => Steps
        .Where(step => step.Scenario == "identity valid")
        .Select(step => step.Request!.Value.GetProperty(WireNames.Identity).GetString()!)
        .First();
}
