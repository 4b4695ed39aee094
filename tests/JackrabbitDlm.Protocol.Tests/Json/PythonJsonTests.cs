using JackrabbitDlm.Protocol.Json;

namespace JackrabbitDlm.Protocol.Tests.Json;

/// <summary>Strings as Python's <c>json.dumps</c> writes them (ensure_ascii, the default).</summary>
public sealed class PythonJsonTests
{
    private static readonly Dictionary<int, string> ShortForms = new()
    {
        ['"'] = "\\\"", ['\\'] = "\\\\", ['\n'] = "\\n", ['\r'] = "\\r", ['\t'] = "\\t",
        ['\b'] = "\\b", ['\f'] = "\\f",
    };

    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("plain ASCII text ~!", "\"plain ASCII text ~!\"")]
    [InlineData("\"", "\"\\\"\"")]
    [InlineData("\\", "\"\\\\\"")]
    [InlineData("/", "\"/\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\u0000", "\"\\u0000\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("\u007f", "\"\\u007f\"")]
    [InlineData("\u0080", "\"\\u0080\"")]
    [InlineData("é", "\"\\u00e9\"")]
    [InlineData("€", "\"\\u20ac\"")]
    [InlineData("\uffff", "\"\\uffff\"")]
    [InlineData("😀", "\"\\ud83d\\ude00\"")]
    [InlineData("\U0010ffff", "\"\\udbff\\udfff\"")]
    [InlineData("a\u0000\u001f\"\\ é😀", "\"a\\u0000\\u001f\\\"\\\\ \\u00e9\\ud83d\\ude00\"")]
    [InlineData("ключ-😀-\"q\"", "\"\\u043a\\u043b\\u044e\\u0447-\\ud83d\\ude00-\\\"q\\\"\"")]
    public void WriteString_Text_AsPythonWritesIt(string text, string expected)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        var destination = new byte[PythonJson.MaxStringLength(utf8.Length)];

        var written = PythonJson.WriteString(utf8, destination);

        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(destination, 0, written));
    }

    [Fact]
    public void WriteString_EveryCharacterBelow0x100_OnlySpaceToTildeGoesOutAsItIs()
    {
        for (var c = 0; c < 0x100; c++)
        {
            var text = $"ab{(char)c}cd";
            var plain = c is >= ' ' and <= '~' and not '"' and not '\\';
            var escaped = plain ? ((char)c).ToString()
                : ShortForms.GetValueOrDefault(c) ?? $"\\u{c:x4}";

            Assert.Equal($"\"ab{escaped}cd\"", Write(text));
        }
    }

    [Fact]
    public void WriteString_OneQuoteInLongText_EscapedWhereverItIs()
    {
        for (var at = 0; at < 100; at++)
        {
            var text = new string('a', at) + "\"" + new string('b', 99 - at);

            Assert.Equal($"\"{new string('a', at)}\\\"{new string('b', 99 - at)}\"", Write(text));
        }
    }

    [Fact]
    public void WriteString_WorstCaseText_FitsMaxStringLength()
    {
        // A one-byte control character grows sixfold, the most any UTF-8 byte can.
        var utf8 = new byte[100];
        var destination = new byte[PythonJson.MaxStringLength(utf8.Length)];

        var written = PythonJson.WriteString(utf8, destination);

        Assert.Equal(destination.Length, written);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-42, "-42")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    public void WriteInteger_Value_WrittenInDecimal(long value, string expected)
    {
        var destination = new byte[24];

        var written = PythonJson.WriteInteger(value, destination);

        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(destination, 0, written));
    }

    private static string Write(string text)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        var destination = new byte[PythonJson.MaxStringLength(utf8.Length)];
        var written = PythonJson.WriteString(utf8, destination);
        return System.Text.Encoding.ASCII.GetString(destination, 0, written);
    }
}
