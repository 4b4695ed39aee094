namespace JackrabbitDlm.Server.Tests.Transcripts;

/// <summary>
/// The transcript steps where our server answers differently from the original on purpose, with
/// the rule behind each: a row of PROTOCOL.md section 9 ("S9: ...") or our strict reading of the
/// request (wrong JSON types are refused, which section 9's first row makes the fix for crashes).
/// Every other step must get the original's answer.
/// </summary>
internal static class ExpectedDeviations
{
    /// <summary>Stands for our version in an expected reply.</summary>
    public const string VersionPlaceholder = "{version}";

    private const string BadPayload = """{"Status": "BadPayload"}""";
    private const string NotOwner = """{"Status": "NotOwner"}""";
    private const string NotFound = """{"Status": "NotFound"}""";
    private const string LockedA = """{"Status": "Locked", "ID": "owner-A-4f1c9e"}""";
    private const string LockedB = """{"Status": "Locked", "ID": "other-B-77d2a0"}""";
    private const string Version = """{"Status": "Version", "ID": "JackrabbitDLM/{version}"}""";

    // The value of "restart: what survives", read back after the restart under its real name.
    private static readonly string RestartValue =
        $$"""{"Status": "Done", "ID": "owner-A-4f1c9e", "DataStore": "{{string.Concat(Enumerable.Repeat("ah", 9000))}}"}""";

    /// <summary>Our reply (JSON), or null when we close without replying.</summary>
    public sealed record Deviation(string Scenario, int Step, string? Reply, string Reason);

    private const string NeverStops = "S9 the server never stops";
    private const string WrongTypes = "S9 wrong JSON types";
    private const string Expire = "S9 Expire must be finite and >= 0";
    private const string Newline = "S9 newline wherever it falls";
    private const string Erase = "S9 Erase: only the owner may remove a lock";

    public static IReadOnlyList<Deviation> All { get; } =
    [
        new("version", 1, Version, "our own version number after JackrabbitDLM/"),
        new("action case-insensitive", 13, Version, "our own version number"),
        new("action case-insensitive", 14, Version, "our own version number"),
        new("expire parsing", 11, BadPayload, $"{WrongTypes}: Expire true is not a number"),
        new("expire parsing", 13, BadPayload, $"{Expire}: -5"),
        new("expire nan never expires", 1, BadPayload, $"{Expire}: nan"),
        new("expire nan never expires", 2, LockedB, $"{Expire}: step 1 took no lock, B gets it"),
        new("expire nan never expires", 3, NotOwner, $"{Expire}: B holds the lock since step 2"),
        new("expire negative is dead on arrival", 1, BadPayload, $"{Expire}: -5"),
        new("expire zero", 1, BadPayload, $"{Expire}: a Lock needs a TTL above 0 (0 = dead entry)"),
        new("duplicate keys last wins", 1, BadPayload, "strict JSON: a key given twice is refused"),
        new("non-standard JSON literals", 1, BadPayload, $"strict JSON: NaN is no JSON ({Expire})"),
        new("erase of a lock by anyone", 2, NotOwner, Erase),
        new("erase of a lock by anyone", 3, NotOwner, $"{Erase}: A still holds it"),
        new("erase of a lock by anyone", 4, LockedA, $"{Erase}: A still holds it"),
        new("erase of a lock by anyone", 5, NotOwner, Erase),
        new("erase of a lock by anyone", 6, NotOwner, $"{Erase}: A still holds it"),
        new("non-string field types", 1, BadPayload, $"{WrongTypes}: numeric ID"),
        new("non-string field types", 2, BadPayload, $"{WrongTypes}: null ID"),
        new("non-string field types", 3, BadPayload, $"{WrongTypes}: null ID"),
        new("non-string field types", 4, BadPayload, $"{WrongTypes}: numeric FileName"),
        new("non-string field types", 5, BadPayload, $"{WrongTypes}: object DataStore"),
        new("non-string field types", 6, NotFound, $"{WrongTypes}: step 5 stored nothing"),
        new("restart: what survives", 6, RestartValue, "S9 spilled values keep their real names"),
        new("restart: what survives", 7, NotFound, "S9 spilled values keep their real names"),
        new("wire: two requests in one write", 1, LockedA, $"{Newline}: the first line is answered"),
        new("wire: newline not at the end of a read", 1, LockedA, Newline),
        new("wire: newline not at the end of a read", 2, LockedA, Newline),
        new("wire: no newline, connection held open", 1, null, "S9 idle connections time out"),
        new("crash: valid encoding of invalid UTF-8", 1, BadPayload, $"{NeverStops}: not UTF-8"),
        new("crash: body is a JSON number", 1, BadPayload, $"{NeverStops}: body not an object"),
        new("crash: body is JSON null", 1, BadPayload, $"{NeverStops}: body not an object"),
        new("crash: Action is not a string", 1, BadPayload, $"{WrongTypes}: numeric Action"),
        new("crash: FileName is a list", 1, BadPayload, $"{WrongTypes}: FileName a list"),
        new("crash: Put with DataStore null", 1, BadPayload, $"{NeverStops}: Put needs a value"),
        new("crash: Put with numeric DataStore", 1, BadPayload, $"{WrongTypes}: numeric DataStore"),
        new("crash: Identity not a string with a valid Name", 1, BadPayload, $"{WrongTypes}: Identity"),
    ];

    public static Deviation? Find(TranscriptStep step) =>
        All.FirstOrDefault(deviation => (deviation.Scenario, deviation.Step) == (step.Scenario, step.Step));
}
