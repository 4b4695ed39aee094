using System.Globalization;

namespace JackrabbitDlm.Tools.Statistics;

/// <summary>
/// Reads the statistics lines of the server's event log (PROTOCOL.md section 10): each line is
/// <c>YYYY-MM-DD HH:MM:SS.ffffff message</c>, and a statistics message is
/// <c>Key: value, Key: value, ...</c>. Every other line is skipped.
/// </summary>
public static class StatisticsLogReader
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>Reads every statistics line of a log file, in file order.</summary>
    /// <exception cref="ToolException">The file is missing or cannot be read.</exception>
    public static IReadOnlyList<StatisticsRecord> ReadFile(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return Read(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"cannot read the event log {path}: {e.Message}", e);
        }
    }

    /// <summary>Reads every statistics line from <paramref name="reader"/>, in order.</summary>
    public static IReadOnlyList<StatisticsRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<StatisticsRecord>();
        while (reader.ReadLine() is { } line)
        {
            if (TryParseLine(line, out var record))
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>Reads one event log line.</summary>
    /// <returns>
    /// False for a line without a time stamp, and for one whose message is not a list of
    /// counters (the version line, refusals, anything else).
    /// </returns>
    public static bool TryParseLine(string line, out StatisticsRecord record)
    {
        record = null!;
        var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
        var secondSpace = firstSpace < 0 ? -1 : line.IndexOf(' ', firstSpace + 1);
        if (secondSpace < 0
            || !DateTime.TryParseExact(
                line.AsSpan(0, secondSpace),
                TimestampFormats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var timestamp))
        {
            return false;
        }

        var counters = TryParseCounters(line.AsSpan(secondSpace + 1).TrimEnd());
        if (counters is null)
        {
            return false;
        }

        record = new StatisticsRecord(timestamp, counters);
        return true;
    }

    // Null unless the whole message is "Key: value" pairs joined by ", ": one pair that does not
    // read means the line is some other event, e.g. "DLMerror/Payload: 127.0.0.1/file".
    private static Dictionary<string, double>? TryParseCounters(ReadOnlySpan<char> message)
    {
        if (message.IsEmpty)
        {
            return null;
        }

        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var range in message.Split(", "))
        {
            var pair = message[range];
            var colon = pair.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0 || !IsCounterName(pair[..colon]))
            {
                return null;
            }

            if (!double.TryParse(
                    pair[(colon + 2)..],
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var value)
                || !double.IsFinite(value))
            {
                return null;
            }

            counters[pair[..colon].ToString()] = value;
        }

        return counters;
    }

    private static bool IsCounterName(ReadOnlySpan<char> name)
    {
        if (!char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
