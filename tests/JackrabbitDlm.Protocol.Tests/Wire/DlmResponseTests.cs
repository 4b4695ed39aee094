using System.Text.Json;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Protocol.Tests.Wire;

public sealed class DlmResponseTests
{
    [Fact]
    public void WriteLine_LockedWithId_IsPythonStyleJson()
    {
        var response = new DlmResponse(DlmStatus.Locked) { Id = WireLines.Utf8("owner-A-4f1c9e") };

        var json = WireLines.DecodeLine(WireLines.Write(response, shuffle: false));

        Assert.Equal("{\"Status\": \"Locked\", \"ID\": \"owner-A-4f1c9e\"}", json);
    }

    [Fact]
    public void WriteLine_NonAsciiId_MatchesTheOriginalsTextExactly()
    {
        // The example of the recorded data's README, as the original wrote it.
        const string Original = "{\"Status\": \"Locked\", \"ID\": "
            + "\"\\u043a\\u043b\\u044e\\u0447-\\ud83d\\ude00-\\\"q\\\"\"}";
        var response = new DlmResponse(DlmStatus.Locked) { Id = WireLines.Utf8("ключ-😀-\"q\"") };

        var json = WireLines.DecodeLine(WireLines.Write(response, shuffle: false));

        Assert.Equal(Original, json);
    }

    [Fact]
    public void WriteLine_StatusOnly_HasNoOtherField()
    {
        var line = WireLines.Write(new DlmResponse(DlmStatus.NotOwner), shuffle: false);

        var json = WireLines.DecodeLine(line);

        Assert.Equal("{\"Status\": \"NotOwner\"}", json);
    }

    [Fact]
    public void WriteLine_EveryField_InStatusIdValueTokenOrder()
    {
        var response = new DlmResponse(DlmStatus.Done)
        {
            Id = WireLines.Utf8("o"),
            Value = WireLines.Utf8("1l1g"),
            Token = 42,
        };

        var json = WireLines.DecodeLine(WireLines.Write(response, shuffle: false));

        Assert.Equal("{\"Status\": \"Done\", \"ID\": \"o\", \"DataStore\": \"1l1g\", \"Token\": 42}", json);
    }

    [Theory]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(1, "1")]
    [InlineData(0, "0")]
    public void WriteLine_Token_WrittenAsJsonInteger(long token, string expected)
    {
        var response = new DlmResponse(DlmStatus.Locked) { Token = token };

        var json = WireLines.DecodeLine(WireLines.Write(response, shuffle: false));

        Assert.Equal($"{{\"Status\": \"Locked\", \"Token\": {expected}}}", json);
    }

    [Theory]
    [InlineData(DlmStatus.Locked, "Locked")]
    [InlineData(DlmStatus.Unlocked, "Unlocked")]
    [InlineData(DlmStatus.NotOwner, "NotOwner")]
    [InlineData(DlmStatus.NotFound, "NotFound")]
    [InlineData(DlmStatus.Done, "Done")]
    [InlineData(DlmStatus.NoData, "NoData")]
    [InlineData(DlmStatus.BadPayload, "BadPayload")]
    [InlineData(DlmStatus.BadAction, "BadAction")]
    [InlineData(DlmStatus.NO, "NO")]
    [InlineData(DlmStatus.Corruption, "Corruption")]
    [InlineData(DlmStatus.Version, "Version")]
    public void WriteLine_EveryStatus_WritesItsExactWord(DlmStatus status, string word)
    {
        var json = WireLines.DecodeLine(WireLines.Write(new DlmResponse(status), shuffle: false));

        Assert.Equal($"{{\"Status\": \"{word}\"}}", json);
        Assert.Equal(word, status.ToWire());
        Assert.True(DlmStatusWords.TryParse(word, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Fact]
    public void WriteLine_EncodedLine_UsesOnlyTheAlphabetAndOneNewline()
    {
        var response = new DlmResponse(DlmStatus.Done)
        {
            Id = WireLines.Utf8("é\n\"\\"),
            Value = [0x00, 0x7F],
        };

        var line = WireLines.Write(response);

        Assert.Equal(1, line.Count(b => b == (byte)'\n'));
        Assert.All(line[..^1], b => Assert.Contains((char)b, Protocol.Encoding.DlmTextEncoding.Alphabet));
    }

    [Fact]
    public void WriteLine_Shuffled_AlwaysTheSameObject()
    {
        var response = FourFieldResponse();

        for (var i = 0; i < 200; i++)
        {
            using var document = JsonDocument.Parse(WireLines.DecodeLine(WireLines.Write(response)));
            var root = document.RootElement;

            Assert.Equal(4, root.EnumerateObject().Count());
            Assert.Equal("Locked", root.GetProperty("Status").GetString());
            Assert.Equal("ключ", root.GetProperty("ID").GetString());
            Assert.Equal("1l", root.GetProperty("DataStore").GetString());
            Assert.Equal(7, root.GetProperty("Token").GetInt64());
        }
    }

    [Fact]
    public void WriteLine_Shuffled_KeyOrderVaries()
    {
        var response = FourFieldResponse();
        var orders = new HashSet<string>();
        var firstKeys = new HashSet<string>();

        for (var i = 0; i < 200; i++)
        {
            using var document = JsonDocument.Parse(WireLines.DecodeLine(WireLines.Write(response)));
            var keys = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            orders.Add(string.Join(",", keys));
            firstKeys.Add(keys[0]);
        }

        // Each of the four keys leads in about a quarter of the writes; missing one in 200
        // writes has a chance of about 1e-25.
        Assert.True(orders.Count > 1);
        Assert.Equal(4, firstKeys.Count);
    }

    private static DlmResponse FourFieldResponse() => new(DlmStatus.Locked)
    {
        Id = WireLines.Utf8("ключ"),
        Value = WireLines.Utf8("1l"),
        Token = 7,
    };
}
