using System.Buffers;
using System.Text.Json;
using JackrabbitDlm.Protocol.Tests.TestData;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Protocol.Tests.Wire;

public sealed class WireMessageWriterTests
{
    [Fact]
    public void ToJson_EveryRecordedTextReplyOfTheOriginal_IsWrittenIdentically()
    {
        var compared = 0;
        foreach (var step in OriginalServerData.ReadLines(OriginalServerData.SessionTranscripts))
        {
            var text = step.OptionalString("response_text");
            if (text is null || !TryTextFields(text, out var fields))
            {
                continue;
            }

            // Same keys in the same order as the original wrote them: the text must match exactly.
            Assert.Equal(text, WireMessageWriter.ToJson(fields));
            compared++;
        }

        Assert.Equal(177, compared);
    }

    [Fact]
    public void ToJson_EveryFieldKind_WrittenAsJson()
    {
        WireField[] fields =
        [
            WireField.OfText("T", "x"),
            WireField.OfInteger("I", -3),
            WireField.OfBoolean("B", true),
            WireField.OfBoolean("F", false),
            WireField.OfNull("N"),
        ];

        var json = WireMessageWriter.ToJson(fields);

        Assert.Equal("{\"T\": \"x\", \"I\": -3, \"B\": true, \"F\": false, \"N\": null}", json);
    }

    [Fact]
    public void ToJson_NoFields_IsAnEmptyObject()
    {
        Assert.Equal("{}", WireMessageWriter.ToJson([]));
    }

    [Fact]
    public void WriteLine_NotShuffled_IsTheEncodedJsonAndNewline()
    {
        WireField[] fields = [WireField.OfText("Status", "Done"), WireField.OfText("ID", "é")];
        var output = new ArrayBufferWriter<byte>();

        var written = WireMessageWriter.WriteLine(fields, output, shuffle: false);

        Assert.Equal(output.WrittenCount, written);
        Assert.Equal(WireMessageWriter.ToJson(fields), WireLines.DecodeLine(output.WrittenSpan.ToArray()));
    }

    [Fact]
    public void WriteLine_AppendsToWhatTheOutputHolds()
    {
        WireField[] fields = [WireField.OfText("Status", "Done")];
        var output = new ArrayBufferWriter<byte>();

        var first = WireMessageWriter.WriteLine(fields, output);
        var second = WireMessageWriter.WriteLine(fields, output);

        Assert.Equal(first + second, output.WrittenCount);
        Assert.Equal(2, output.WrittenSpan.ToArray().Count(b => b == (byte)'\n'));
    }

    [Fact]
    public void WriteLine_MoreThanSixteenFields_Throws()
    {
        var fields = Enumerable.Range(0, 17).Select(i => WireField.OfInteger($"F{i}", i)).ToArray();

        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentOutOfRangeException>(() => WireMessageWriter.WriteLine(fields, output));
    }

    [Fact]
    public void OfText_LoneSurrogate_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => WireField.OfText("ID", "a\ud800"));
    }

    private static bool TryTextFields(string text, out WireField[] fields)
    {
        using var document = JsonDocument.Parse(text);
        var properties = document.RootElement.EnumerateObject().ToList();
        fields = properties
            .Where(property => property.Value.ValueKind == JsonValueKind.String)
            .Select(property => WireField.OfText(property.Name, property.Value.GetString()!))
            .ToArray();
        return fields.Length == properties.Count;
    }
}
