using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JackrabbitDlm.Tools.Fighting;

/// <summary>What one fighter did and saw; <see cref="SummaryLine"/> is the original's report.</summary>
public sealed record FightResult
{
    /// <summary>The mode fought in.</summary>
    public required FightMode Mode { get; init; }

    /// <summary>The fighter's process id.</summary>
    public required int ProcessId { get; init; }

    /// <summary>The fighter's tag in the fence entry: its process id and a random suffix.</summary>
    public required string Tag { get; init; }

    /// <summary>The target counter value.</summary>
    public required long Target { get; init; }

    /// <summary>How long the fight took, in seconds.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Lock attempts another owner won.</summary>
    public long Failures { get; init; }

    /// <summary>Lock attempts this fighter won.</summary>
    public long Successes { get; init; }

    /// <summary>Reads of the counter and fence entries.</summary>
    public long Reads { get; init; }

    /// <summary>Writes of the counter and fence entries.</summary>
    public long Writes { get; init; }

    /// <summary>
    /// Oversized junk values the server refused (BadPayload) or cut off: expected, as the
    /// original's "killed connections".
    /// </summary>
    public long Killed { get; init; }

    /// <summary>The last counter value this fighter read under the lock.</summary>
    public long FinalCounter { get; init; }

    /// <summary>Requests that found no server, after their retries.</summary>
    public long ConnectionErrors { get; init; }

    /// <summary>Junk values stored under the identity.</summary>
    public long JunkStored { get; init; }

    /// <summary>Junk values under the identity that the server refused (identity not known?).</summary>
    public long IdentityJunkRefused { get; init; }

    /// <summary>Oversized anonymous junk the server accepted: it must refuse it.</summary>
    public long AnonymousJunkAccepted { get; init; }

    /// <summary>Locks that had expired by the time this fighter released them.</summary>
    public long LeasesExpired { get; init; }

    /// <summary>True when the server sent fencing tokens, so overlaps could be checked.</summary>
    public bool FencingChecked { get; init; }

    /// <summary>Every broken mutual exclusion seen.</summary>
    public IReadOnlyList<Violation> Violations { get; init; } = [];

    /// <summary>Why the fight stopped early, or null when it ran to the target.</summary>
    public string? Error { get; init; }

    /// <summary>Failures as a share of all lock attempts, in percent.</summary>
    [JsonIgnore]
    public double ContentionPercent =>
        Failures == 0 ? 0 : Math.Round(100.0 * Failures / (Successes + Failures), 2);

    /// <summary>The process exit code: violations first, then any other failure.</summary>
    [JsonIgnore]
    public int ExitCode =>
        Violations.Count > 0 ? ExitCodes.Violation
        : Error is not null || FinalCounter < Target || AnonymousJunkAccepted > 0 ? ExitCodes.Failure
        : ExitCodes.Success;

    /// <summary>
    /// The original's one-line report: mode letter, pid, elapsed seconds, failures, successes,
    /// reads, writes, contention %, killed connections, final counter.
    /// </summary>
    public string SummaryLine()
    {
        var width = Target.ToString(CultureInfo.InvariantCulture).Length;
        string Column(long value) => value.ToString(CultureInfo.InvariantCulture).PadLeft(width);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Mode.Letter()} {ProcessId,8} {ElapsedSeconds:F8} {Column(Failures)} {Column(Successes)} "
                + $"{Column(Reads)} {Column(Writes)} {ContentionPercent:F2} {Column(Killed)} {FinalCounter}");
    }

    /// <summary>The result as one line of JSON, for a launcher to read.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ToolsJsonContext.Default.FightResult);

    /// <summary>Reads a result written by <see cref="ToJson"/>.</summary>
    /// <returns>Null when the text is not such a result.</returns>
    public static FightResult? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ToolsJsonContext.Default.FightResult);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
