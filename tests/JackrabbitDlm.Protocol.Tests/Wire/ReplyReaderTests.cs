using System.Text.Json;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Tests.TestData;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Protocol.Tests.Wire;

public sealed class ReplyReaderTests
{
    [Fact]
    public void TryReadLine_OurReply_RoundTripsEveryField()
    {
        var response = new DlmResponse(DlmStatus.Done)
        {
            Id = WireLines.Utf8("ключ-😀-\"q\""),
            Value = WireLines.Utf8("a\nb\u0000é😀\\"),
            Token = 9_000_000_000,
        };

        var reply = ReplyReader.TryReadLine(WireLines.Write(response));

        Assert.NotNull(reply);
        Assert.Equal("Done", reply.StatusWord);
        Assert.Equal(DlmStatus.Done, reply.Status);
        Assert.Equal("ключ-😀-\"q\"", reply.Id);
        Assert.Equal("a\nb\u0000é😀\\", reply.Value);
        Assert.Equal(9_000_000_000, reply.Token);
    }

    [Theory]
    [InlineData(DlmStatus.Locked)]
    [InlineData(DlmStatus.Unlocked)]
    [InlineData(DlmStatus.NotOwner)]
    [InlineData(DlmStatus.NotFound)]
    [InlineData(DlmStatus.Done)]
    [InlineData(DlmStatus.NoData)]
    [InlineData(DlmStatus.BadPayload)]
    [InlineData(DlmStatus.BadAction)]
    [InlineData(DlmStatus.NO)]
    [InlineData(DlmStatus.Corruption)]
    [InlineData(DlmStatus.Version)]
    public void TryReadLine_EveryStatus_RoundTrips(DlmStatus status)
    {
        var reply = ReplyReader.TryReadLine(WireLines.Write(new DlmResponse(status)));

        Assert.NotNull(reply);
        Assert.Equal(status, reply.Status);
        Assert.Null(reply.Id);
        Assert.Null(reply.Value);
        Assert.Null(reply.Token);
    }

    [Fact]
    public void TryReadLine_EveryRecordedReplyOfTheOriginal_IsRead()
    {
        var read = 0;
        foreach (var step in OriginalServerData.ReadLines(OriginalServerData.SessionTranscripts))
        {
            var text = step.OptionalString("response_text");
            if (text is null || step.GetProperty("response").ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var expected = step.GetProperty("response");
            var reply = ReplyReader.TryReadLine(WireLines.EncodeLine(text));

            Assert.NotNull(reply);
            Assert.Equal(expected.GetProperty("Status").GetString(), reply.StatusWord);
            Assert.NotNull(reply.Status);
            Assert.Equal(TextOf(expected, "ID"), reply.Id);
            Assert.Equal(TextOf(expected, "DataStore"), reply.Value);
            read++;
        }

        Assert.Equal(179, read);
    }

    [Fact]
    public void TryReadLine_NumericIdOfTheOriginal_IsGivenAsItsText()
    {
        const string Line = "{\"ID\": 12345, \"Status\": \"Locked\"}";

        var reply = ReplyReader.TryReadLine(WireLines.EncodeLine(Line));

        Assert.NotNull(reply);
        Assert.Equal("12345", reply.Id);
        Assert.Equal(DlmStatus.Locked, reply.Status);
    }

    [Fact]
    public void TryReadLine_ObjectValueOfTheOriginal_IsGivenAsItsJsonText()
    {
        const string Line = "{\"ID\": \"owner-A-4f1c9e\", \"Status\": \"Done\", \"DataStore\": {\"a\": 1}}";

        var reply = ReplyReader.TryReadLine(WireLines.EncodeLine(Line));

        Assert.NotNull(reply);
        Assert.Equal("{\"a\": 1}", reply.Value);
    }

    [Fact]
    public void TryReadLine_NullFields_AreAbsent()
    {
        const string Line = "{\"Status\": \"Locked\", \"ID\": null, \"DataStore\": null, \"Token\": null}";

        var reply = ReplyReader.TryReadLine(WireLines.EncodeLine(Line));

        Assert.NotNull(reply);
        Assert.Null(reply.Id);
        Assert.Null(reply.Value);
        Assert.Null(reply.Token);
    }

    [Fact]
    public void TryReadLine_UnknownStatusWord_IsKeptWithoutStatus()
    {
        const string Line = "{\"Status\": \"locked\", \"Extra\": [1]}";

        var reply = ReplyReader.TryReadLine(WireLines.EncodeLine(Line));

        Assert.NotNull(reply);
        Assert.Equal("locked", reply.StatusWord);
        Assert.Null(reply.Status);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData(" \r\n")]
    [InlineData("")]
    public void TryReadLine_LineEndings_AreIgnored(string ending)
    {
        var encoded = DlmTextEncoding.EncodeText("{\"Status\": \"NoData\", \"ID\": \"o\"}");

        var reply = ReplyReader.TryReadLine(System.Text.Encoding.ASCII.GetBytes(" " + encoded + ending));

        Assert.NotNull(reply);
        Assert.Equal(DlmStatus.NoData, reply.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1V1")]
    [InlineData("{\"Status\": \"Locked\"}")]
    public void TryReadLine_NotAnEncodedLine_ReturnsNull(string line)
    {
        Assert.Null(ReplyReader.TryReadLine(System.Text.Encoding.UTF8.GetBytes(line)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("\"Locked\"")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"ID\": \"o\"}")]
    [InlineData("{\"Status\": 1}")]
    [InlineData("{\"Status\": null}")]
    [InlineData("{\"Status\": [\"Locked\"]}")]
    [InlineData("{\"Status\": \"Locked\"")]
    public void TryReadLine_NotAReplyObject_ReturnsNull(string json)
    {
        Assert.Null(ReplyReader.TryReadLine(WireLines.EncodeLine(json)));
    }

    [Theory]
    [InlineData("{\"Status\": \"Locked\", \"Token\": \"7\"}")]
    [InlineData("{\"Status\": \"Locked\", \"Token\": [7]}")]
    [InlineData("{\"Status\": \"Locked\", \"Token\": true}")]
    [InlineData("{\"Status\": \"Locked\", \"Token\": 1.5}")]
    [InlineData("{\"Status\": \"Locked\", \"Token\": 1e30}")]
    public void TryReadLine_TokenNotAnInteger_HasNoToken(string json)
    {
        // Token is our extension: a server that sends something else in it is not a reason to fail.
        var reply = ReplyReader.TryReadLine(WireLines.EncodeLine(json));

        Assert.NotNull(reply);
        Assert.Equal(DlmStatus.Locked, reply.Status);
        Assert.Null(reply.Token);
    }

    [Theory]
    [InlineData("{\"Status\": \"\\ud800\"}")]
    [InlineData("{\"Status\": \"Locked\", \"ID\": \"\\udc00\"}")]
    [InlineData("{\"Status\": \"Done\", \"ID\": \"o\", \"DataStore\": \"\\ud83d\"}")]
    public void TryReadLine_EscapedLoneSurrogate_ReturnsNull(string json)
    {
        Assert.Null(ReplyReader.TryReadLine(WireLines.EncodeLine(json)));
    }

    [Theory]
    [InlineData("28")]
    [InlineData("Axar")]
    public void TryReadLine_DecodesToInvalidUtf8_ReturnsNull(string line)
    {
        Assert.Null(ReplyReader.TryReadLine(System.Text.Encoding.ASCII.GetBytes(line)));
    }

    [Fact]
    public void TryReadLine_InvalidUtf8InsideStatus_ReturnsNull()
    {
        var json = System.Text.Encoding.ASCII.GetBytes("{\"Status\": \"Locked?\"}");
        json[Array.IndexOf(json, (byte)'?')] = 0xFF;
        var line = System.Text.Encoding.ASCII.GetBytes(DlmTextEncoding.EncodeBytes(json));

        Assert.Null(ReplyReader.TryReadLine(line));
    }

    private static string? TextOf(JsonElement response, string name)
    {
        if (!response.TryGetProperty(name, out var field))
        {
            return null;
        }

        return field.ValueKind == JsonValueKind.String ? field.GetString() : field.GetRawText();
    }
}
