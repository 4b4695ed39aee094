namespace JackrabbitDlm.Protocol.Wire;

/// <summary>The one table between <see cref="DlmStatus"/> values and their wire words.</summary>
public static class DlmStatusWords
{
    private static readonly string[] Words =
    [
        "Locked", "Unlocked", "NotOwner", "NotFound", "Done", "NoData",
        "BadPayload", "BadAction", "NO", "Corruption", "Version",
    ];

    private static readonly byte[][] Utf8Words = Array.ConvertAll(Words, System.Text.Encoding.ASCII.GetBytes);

    /// <summary>The exact wire word, e.g. <c>NotOwner</c>.</summary>
    public static string ToWire(this DlmStatus status) => Words[(int)status];

    /// <summary>The wire word as ASCII bytes; a shared array that callers must not change.</summary>
    public static byte[] ToWireUtf8Array(this DlmStatus status) => Utf8Words[(int)status];

    /// <summary>Reads a status word; the comparison is exact, as the original's clients compare.</summary>
    /// <returns>False for a word this protocol does not define.</returns>
    public static bool TryParse(string? word, out DlmStatus status)
    {
        var index = word is null ? -1 : Array.IndexOf(Words, word);
        status = index < 0 ? default : (DlmStatus)index;
        return index >= 0;
    }
}
