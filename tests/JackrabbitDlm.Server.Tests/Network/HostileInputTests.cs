using System.Text;
using JackrabbitDlm.Engine.Validation;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Server.Tests.Infrastructure;

namespace JackrabbitDlm.Server.Tests.Network;

/// <summary>
/// Requests meant to break the server. Each gets <c>BadPayload</c>, is quarantined and written to
/// the event log, the connection closes, and the server goes on serving everyone.
/// </summary>
public sealed class HostileInputTests : IClassFixture<ServerFixture>
{
    private static readonly string[] WrongJsonValues =
        ["5", "-1.5", "true", "false", "null", "[]", """["x"]""", "{}", """{"a": 1}""", "\"text\""];

    private readonly TestServer _server;

    public HostileInputTests(ServerFixture fixture)
    {
        _server = fixture.Server;
    }

    /// <summary>Every request field with every JSON type it must not have.</summary>
    public static TheoryData<string, string> WrongFieldTypes()
    {
        var data = new TheoryData<string, string>();
        foreach (var value in WrongJsonValues)
        {
            foreach (var field in new[] { "ID", "FileName", "Action" })
            {
                if (value != "\"text\"")
                {
                    data.Add(field, value);
                }
            }

            if (value is not ("5" or "-1.5"))
            {
                data.Add("Expire", value);
            }

            if (value is not ("null" or "\"text\""))
            {
                data.Add("DataStore", value);
            }

            if (value != "\"text\"")
            {
                data.Add("Name", value);
                data.Add("Identity", value);
            }

            if (value is not ("true" or "false"))
            {
                data.Add("KeepAlive", value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WrongFieldTypes))]
    public async Task Request_FieldOfWrongJsonType_BadPayloadAndServerServes(
        string field,
        string value)
    {
        var fields = new Dictionary<string, string>
        {
            ["ID"] = "\"hostile-owner\"",
            ["FileName"] = "\"hostile:types\"",
            ["Action"] = "\"Lock\"",
            ["Expire"] = "\"30\"",
        };

        // An Identity is only read with a Name; with the transcript's Name it must be a string.
        if (field == "Identity")
        {
            fields["Name"] = "\"transcript\"";
        }

        fields[field] = value;
        var members = fields.Select(pair => $"\"{pair.Key}\": {pair.Value}");
        var json = "{" + string.Join(", ", members) + "}";
        var reason = field == "Expire" ? RefusalReason.KeyVerify : RefusalReason.Payload;

        await AssertRefusedAsync(Wire.EncodeLine(json), reason);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("\"abc\"")]
    [InlineData("[]")]
    [InlineData("""[{"ID": "a", "FileName": "b", "Action": "Lock", "Expire": "1"}]""")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("""{"ID": "a",}""")]
    [InlineData("""{"ID": "a", "FileName": "b", "Action": "Lock", "Expire": "1"} {}""")]
    [InlineData("""{'ID': 'a', 'FileName': 'b', 'Action': 'Lock', 'Expire': '1'}""")]
    [InlineData("""{"ID": "a", "FileName": "b", "Action": "Lock", "Expire": "1" /* note */}""")]
    public async Task Request_BodyNotAJsonObject_BadPayloadAndServerServes(string body)
    {
        await AssertRefusedAsync(Wire.EncodeLine(body), RefusalReason.Payload);
    }

    [Theory]
    [InlineData("{\"ID\": \"a\", \"FileName\": \"b\", \"Action\": \"Lock\", \"Expire\": \"1\"}\n")]
    [InlineData("1\n")]
    [InlineData("1a1\n")]
    [InlineData("zz\n")]
    [InlineData("2z\n")]
    [InlineData("~~\n")]
    [InlineData("1a\t1a\n")]
    [InlineData("1a\u00e91a\n")]
    [InlineData("\u0000\u0000\n")]
    [InlineData("\r\n")]
    public async Task Request_NotAValidEncoding_BadPayloadAndServerServes(string line)
    {
        await AssertRefusedAsync(line, RefusalReason.Payload);
    }

    [Theory]
    [InlineData("ff")]
    [InlineData("c080")]
    [InlineData("eda080")]
    [InlineData("e282")]
    [InlineData("f888808080")]
    [InlineData("7b224944223a2022ff227d")]
    public async Task Request_DecodesToInvalidUtf8_BadPayloadAndServerServes(string hex)
    {
        var line = DlmTextEncoding.EncodeBytes(Convert.FromHexString(hex)) + "\n";
        await AssertRefusedAsync(line, RefusalReason.Payload);
    }

    [Theory]
    [InlineData("array")]
    [InlineData("object")]
    [InlineData("field")]
    public async Task Request_NestedTenThousandLevels_BadPayloadAndServerServes(string shape)
    {
        const int Depth = 10_000;
        var array = new string('[', Depth) + new string(']', Depth);
        var json = shape switch
        {
            "array" => array,
            "object" => string.Concat(Enumerable.Repeat("{\"a\": ", Depth)) + "1" + new string('}', Depth),
            _ => Wire.Request("hostile-owner", "hostile:deep", "Lock", "30", "\"X\": " + array),
        };

        await AssertRefusedAsync(Wire.EncodeLine(json), RefusalReason.Payload);
    }

    [Theory]
    [InlineData("Lock", "\"nan\"")]
    [InlineData("Lock", "\"NaN\"")]
    [InlineData("Lock", "\"inf\"")]
    [InlineData("Lock", "\"-inf\"")]
    [InlineData("Lock", "\"Infinity\"")]
    [InlineData("Lock", "\"1e999\"")]
    [InlineData("Lock", "1e999")]
    [InlineData("Lock", "\"-1\"")]
    [InlineData("Lock", "-0.001")]
    [InlineData("Lock", "0")]
    [InlineData("Put", "\"0\"")]
    [InlineData("Get", "\"-1\"")]
    [InlineData("Unlock", "\"nan\"")]
    [InlineData("Version", "-5")]
    public async Task Request_ExpireNotFiniteOrNotPositive_BadPayloadAndServerServes(
        string action,
        string expire)
    {
        var json = $$"""
            {"ID": "hostile-owner", "FileName": "hostile:expire", "Action": "{{action}}",
             "Expire": {{expire}}, "DataStore": "v"}
            """;
        await AssertRefusedAsync(Wire.EncodeLine(json), RefusalReason.KeyVerify);
    }

    [Fact]
    public async Task Request_Refused_EventLogNamesClientAndQuarantineFile()
    {
        var before = _server.EventLog.Refusals.Count;

        var reply = await _server.AskRawAsync("not encoded\n");

        Assert.Equal("BadPayload", reply.Status());

        // The files are written after the answer, off the connection's thread.
        Assert.True(await Eventually.TrueAsync(() => _server.EventLog.Refusals.Count > before));
        var refusal = _server.EventLog.Refusals.Skip(before).Single(r => r.QuarantineFile != "-");
        Assert.Equal("127.0.0.1", refusal.ClientAddress);
        var kept = _server.Quarantine.Kept.Single(kept => kept.File == refusal.QuarantineFile);
        Assert.Equal("not encoded", kept.Line);
    }

    private async Task AssertRefusedAsync(string line, RefusalReason reason)
    {
        await using (var connection = await _server.ConnectAsync())
        {
            await connection.SendAsync(line);
            var reply = await connection.ReadReplyAsync();
            Assert.Equal("BadPayload", reply.Status());
            Assert.Equal(0, await connection.ReadToCloseAsync());
        }

        // The refused line is kept as received, minus its newline, with the reason the log gives;
        // the files are written after the answer, off the connection's thread.
        var sent = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line))[..^1];
        var kept = await Eventually.TrueAsync(
            () => _server.Quarantine.Kept.Any(kept => (kept.Line, kept.Reason) == (sent, reason)));
        Assert.True(kept, $"the refused line was not quarantined with reason {reason}");
        Assert.True(await _server.IsServingAsync());
    }
}
