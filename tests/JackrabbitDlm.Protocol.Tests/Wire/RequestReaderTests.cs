using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Protocol.Tests.Wire;

public sealed class RequestReaderTests
{
    [Fact]
    public void TryReadLine_EncodedRequest_ReadsEveryField()
    {
        var json = RequestJson.With(
            ("Action", "\"Put\""),
            ("Expire", "12.5"),
            ("DataStore", "\"value\""),
            ("Name", "\"ops\""),
            ("Identity", "\"secret\""),
            ("KeepAlive", "true"));

        var error = RequestReader.TryReadLine(RequestJson.EncodedLine(json), out var request);

        Assert.Equal(RequestError.None, error);
        Assert.Equal("owner-A-4f1c9e", request!.Owner.ToFullString());
        Assert.Equal("t:lock:1", request.Key.ToString());
        Assert.Equal(DlmAction.Put, request.Action);
        Assert.Equal(12.5, request.TtlSeconds);
        Assert.Equal("value"u8.ToArray(), request.Value);
        Assert.Equal(5, request.ValueLength);
        Assert.Equal("ops", request.IdentityName);
        Assert.Equal("secret"u8.ToArray(), request.IdentitySecret);
        Assert.Equal(6, request.IdentitySecretLength);
        Assert.True(request.KeepAlive);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData(" ")]
    [InlineData("  \t")]
    public void TryReadLine_WhiteSpaceAroundEncodedText_IsIgnored(string padding)
    {
        var encoded = RequestJson.EncodedLine(RequestJson.With());
        var line = System.Text.Encoding.ASCII.GetBytes(padding)
            .Concat(encoded)
            .Concat(System.Text.Encoding.ASCII.GetBytes(padding))
            .ToArray();

        Assert.Equal(RequestError.None, RequestReader.TryReadLine(line, out var request));
        Assert.Equal(DlmAction.Lock, request!.Action);
    }

    [Fact]
    public void TryReadLine_PlainJson_IsNotEncoded()
    {
        var line = System.Text.Encoding.UTF8.GetBytes(RequestJson.With());

        Assert.Equal(RequestError.NotEncoded, RequestReader.TryReadLine(line, out var request));
        Assert.Null(request);
    }

    [Theory]
    [InlineData("1V1")]
    [InlineData("2h")]
    [InlineData("1V\n1=")]
    public void TryReadLine_InvalidEncoding_IsNotEncoded(string line)
    {
        Assert.Equal(RequestError.NotEncoded, RequestReader.TryReadLine(Ascii(line), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r")]
    public void TryReadLine_EmptyLine_IsRefused(string line)
    {
        Assert.Equal(RequestError.NotJson, RequestReader.TryReadLine(Ascii(line), out var request));
        Assert.Null(request);
    }

    [Theory]
    [InlineData("28")]
    [InlineData("AiAhA!A!A@")]
    [InlineData("Axar")]
    public void TryReadLine_DecodesToInvalidUtf8_IsNotUtf8(string line)
    {
        // The original server stops on these lines (see the README of the recorded data).
        Assert.Equal(RequestError.NotUtf8, RequestReader.TryReadLine(Ascii(line), out _));
    }

    [Fact]
    public void TryReadJson_InvalidUtf8InsideAString_IsNotUtf8()
    {
        var json = System.Text.Encoding.UTF8.GetBytes(RequestJson.With(("FileName", "\"k?\"")));
        json[Array.IndexOf(json, (byte)'?')] = 0xFF;

        Assert.Equal(RequestError.NotUtf8, RequestReader.TryReadJson(json, out _));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("\"a JSON string\"")]
    [InlineData("[]")]
    [InlineData("[{\"ID\": \"a\"}]")]
    [InlineData("null")]
    [InlineData("true")]
    public void TryReadJson_NotAnObject_IsNotObject(string json)
    {
        Assert.Equal(RequestError.NotObject, RequestJson.Read(json, out var request));
        Assert.Null(request);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"ID\": \"a\"")]
    [InlineData("{\"ID\": \"a\",}")]
    [InlineData("{\"ID\" \"a\"}")]
    [InlineData("{'ID': 'a'}")]
    [InlineData("not json")]
    public void TryReadJson_Malformed_IsNotJson(string json)
    {
        Assert.Equal(RequestError.NotJson, RequestJson.Read(json, out _));
    }

    [Theory]
    [InlineData(" x")]
    [InlineData(" {}")]
    [InlineData(",")]
    [InlineData("}")]
    [InlineData(" 5")]
    [InlineData(" // comment")]
    public void TryReadJson_TrailingContent_IsNotJson(string trailer)
    {
        Assert.Equal(RequestError.NotJson, RequestJson.Read(RequestJson.With() + trailer, out var request));
        Assert.Null(request);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\r\n")]
    [InlineData("\t \n")]
    public void TryReadJson_TrailingWhiteSpace_IsAccepted(string trailer)
    {
        Assert.Equal(RequestError.None, RequestJson.Read(RequestJson.With() + trailer, out _));
    }

    [Fact]
    public void TryReadJson_CommentInsideObject_IsNotJson()
    {
        var json = RequestJson.Append(RequestJson.With(), "/* c */ \"Extra\": 1");

        Assert.Equal(RequestError.NotJson, RequestJson.Read(json, out _));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void TryReadJson_NonStandardLiterals_AreNotJson(string literal)
    {
        // The original's parser takes these; a NaN TTL would make a lock that never expires.
        Assert.Equal(RequestError.NotJson, RequestJson.Read(RequestJson.With(("Expire", literal)), out _));
    }

    [Theory]
    [InlineData("\"ID\"")]
    [InlineData("\"\\u0049D\"")]
    [InlineData("\"\\u0049\\u0044\"")]
    [InlineData("\"FileName\"")]
    [InlineData("\"Act\\u0069on\"")]
    [InlineData("\"Expire\"")]
    public void TryReadJson_RequiredFieldTwice_IsDuplicateKey(string secondName)
    {
        var json = RequestJson.Append(RequestJson.With(), $"{secondName}: \"x\"");

        Assert.Equal(RequestError.DuplicateKey, RequestJson.Read(json, out var request));
        Assert.Null(request);
    }

    [Theory]
    [InlineData("DataStore", "null", "\"v\"")]
    [InlineData("Name", "\"a\"", "\"a\"")]
    [InlineData("Identity", "\"s\"", "\"s\"")]
    [InlineData("KeepAlive", "true", "false")]
    [InlineData("Extra", "1", "2")]
    [InlineData("extra", "{}", "[]")]
    public void TryReadJson_OptionalOrUnknownFieldTwice_IsDuplicateKey(
        string name,
        string first,
        string second)
    {
        var json = RequestJson.Append(RequestJson.With((name, first)), $"\"{name}\": {second}");

        Assert.Equal(RequestError.DuplicateKey, RequestJson.Read(json, out _));
    }

    [Fact]
    public void TryReadJson_UnknownFieldTwiceOnceEscaped_IsDuplicateKey()
    {
        var json = RequestJson.With(("x", "1"), ("\\u0078", "2"));

        Assert.Equal(RequestError.DuplicateKey, RequestJson.Read(json, out _));
    }

    [Fact]
    public void TryReadJson_FieldNamesDifferingInCase_AreDifferentFields()
    {
        // Field names are case-sensitive (section 4): "id" is an unknown field, not a second ID.
        var request = RequestJson.ReadValid(RequestJson.With(("id", "\"other\""), ("action", "5")));

        Assert.Equal("owner-A-4f1c9e", request.Owner.ToFullString());
        Assert.Equal(DlmAction.Lock, request.Action);
    }

    [Fact]
    public void TryReadJson_UnknownFieldsOfEveryType_AreSkipped()
    {
        var json = RequestJson.With(
            ("Nested", "{\"ID\": 5, \"FileName\": [1, {\"Action\": null}], \"d\": {\"a\": {\"b\": [[]]}}}"),
            ("List", "[\"Lock\", 1, true, null, {}, []]"),
            ("Number", "-1.5e3"),
            ("Flag", "false"),
            ("Nothing", "null"),
            ("Text", "\"\\ud800 lone surrogates in skipped values are never read\""),
            ("Token", "7"));

        var request = RequestJson.ReadValid(json);

        // Field names inside the nested object must not count as the request's own fields.
        Assert.Equal("owner-A-4f1c9e", request.Owner.ToFullString());
        Assert.Equal("t:lock:1", request.Key.ToString());
        Assert.Equal(DlmAction.Lock, request.Action);
        Assert.Null(request.Value);
    }

    [Fact]
    public void TryReadJson_NestingJustWithinMaxDepth_IsAccepted()
    {
        // The request object is one level; an unknown field may nest up to the limit.
        var depth = RequestReader.MaxJsonDepth - 1;
        var json = RequestJson.With(("Deep", new string('[', depth) + new string(']', depth)));

        Assert.Equal(RequestError.None, RequestJson.Read(json, out _));
    }

    [Theory]
    [InlineData(RequestReader.MaxJsonDepth)]
    [InlineData(RequestReader.MaxJsonDepth + 1)]
    [InlineData(100_000)]
    public void TryReadJson_NestingBeyondMaxDepth_IsNotJson(int depth)
    {
        var json = RequestJson.With(("Deep", new string('[', depth) + new string(']', depth)));

        Assert.Equal(RequestError.NotJson, RequestJson.Read(json, out var request));
        Assert.Null(request);
    }

    [Fact]
    public void TryReadJson_DeepObjectNesting_IsNotJson()
    {
        var depth = RequestReader.MaxJsonDepth;
        var nested = string.Concat(Enumerable.Repeat("{\"a\": ", depth)) + "1" + new string('}', depth);

        Assert.Equal(RequestError.NotJson, RequestJson.Read(RequestJson.With(("Deep", nested)), out _));
    }

    [Theory]
    [InlineData("ID")]
    [InlineData("FileName")]
    [InlineData("Action")]
    [InlineData("Expire")]
    [InlineData("DataStore")]
    [InlineData("Name")]
    [InlineData("Identity")]
    public void TryReadJson_EscapedLoneSurrogateInField_IsNotJson(string field)
    {
        // No UTF-8 text can hold a lone surrogate, so the request cannot be represented.
        const string LoneSurrogate = "\"a\\ud800b\"";
        var json = field == "Identity"
            ? RequestJson.With(("Name", "\"ops\""), ("Identity", LoneSurrogate))
            : RequestJson.With((field, LoneSurrogate));

        Assert.Equal(RequestError.NotJson, RequestJson.Read(json, out var request));
        Assert.Null(request);
    }

    [Theory]
    [InlineData("\"\\udc00\"")]
    [InlineData("\"\\ud83d\\u0041\"")]
    [InlineData("\"\\ud83d\"")]
    public void TryReadJson_MismatchedSurrogateEscapes_AreNotJson(string rawValue)
    {
        Assert.Equal(RequestError.NotJson, RequestJson.ErrorWith(("FileName", rawValue)));
    }

    [Fact]
    public void TryReadJson_EscapedSurrogatePair_IsReadAsOneCharacter()
    {
        var request = RequestJson.ReadValid(RequestJson.With(("FileName", "\"k-\\ud83d\\ude00\"")));

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes("k-😀"), request.Key.Utf8.ToArray());
    }

    [Fact]
    public void TryReadJson_EscapedLoneSurrogateInFieldName_IsNotJson()
    {
        Assert.Equal(RequestError.NotJson, RequestJson.Read(RequestJson.With(("\\ud800", "1")), out _));
    }

    [Theory]
    [InlineData("Lock", DlmAction.Lock)]
    [InlineData("lock", DlmAction.Lock)]
    [InlineData("LOCK", DlmAction.Lock)]
    [InlineData("LoCk", DlmAction.Lock)]
    [InlineData("Unlock", DlmAction.Unlock)]
    [InlineData("UNLOCK", DlmAction.Unlock)]
    [InlineData("TestLock", DlmAction.TestLock)]
    [InlineData("testlock", DlmAction.TestLock)]
    [InlineData("Get", DlmAction.Get)]
    [InlineData("gEt", DlmAction.Get)]
    [InlineData("Put", DlmAction.Put)]
    [InlineData("put", DlmAction.Put)]
    [InlineData("Erase", DlmAction.Erase)]
    [InlineData("ERASE", DlmAction.Erase)]
    [InlineData("Version", DlmAction.Version)]
    [InlineData("version", DlmAction.Version)]
    [InlineData("\\u004cock", DlmAction.Lock)]
    public void TryReadJson_ActionInAnyCase_IsKnown(string wireName, DlmAction expected)
    {
        var request = RequestJson.ReadValid(RequestJson.With(("Action", $"\"{wireName}\"")));

        Assert.Equal(expected, request.Action);
    }

    [Theory]
    [InlineData(" lock")]
    [InlineData("lock ")]
    [InlineData("Lock\\n")]
    [InlineData("Lock\\u0000")]
    [InlineData("")]
    [InlineData("Lockk")]
    [InlineData("Loc")]
    [InlineData("Test Lock")]
    [InlineData("Delete")]
    [InlineData("\\uff2c\\uff2f\\uff23\\uff2b")]
    [InlineData("Lo\\u0441k")]
    public void TryReadJson_UnknownOrUntrimmedAction_IsReadWithoutAction(string wireName)
    {
        // The request is well formed; the server answers BadAction for it.
        var request = RequestJson.ReadValid(RequestJson.With(("Action", $"\"{wireName}\"")));

        Assert.Null(request.Action);
    }

    [Theory]
    [InlineData("\"\"", 0, "")]
    [InlineData("\"abc\"", 3, "616263")]
    [InlineData("\"é\"", 1, "c3a9")]
    [InlineData("\"\\u00e9\"", 1, "c3a9")]
    [InlineData("\"😀\"", 1, "f09f9880")]
    [InlineData("\"\\ud83d\\ude00\"", 1, "f09f9880")]
    [InlineData("\"a😀é€\"", 4, "61f09f9880c3a9e282ac")]
    [InlineData("\"\\\"\\\\\\n\"", 3, "225c0a")]
    public void TryReadJson_Value_LengthCountedInCodePoints(string rawValue, int codePoints, string utf8Hex)
    {
        var json = RequestJson.With(("Action", "\"Put\""), ("DataStore", rawValue));

        var request = RequestJson.ReadValid(json);

        Assert.Equal(codePoints, request.ValueLength);
        Assert.Equal(utf8Hex, Convert.ToHexStringLower(request.Value!));
    }

    [Fact]
    public void TryReadJson_LongValueOfAstralCharacters_CountsEachOnce()
    {
        var value = string.Concat(Enumerable.Repeat("😀", 16384));

        var request = RequestJson.ReadValid(RequestJson.With(("DataStore", $"\"{value}\"")));

        Assert.Equal(16384, request.ValueLength);
        Assert.Equal(16384 * 4, request.Value!.Length);
    }

    [Fact]
    public void TryReadJson_IdentitySecret_LengthCountedInCodePoints()
    {
        var json = RequestJson.With(("Name", "\"ops\""), ("Identity", "\"é😀x\""));

        var request = RequestJson.ReadValid(json);

        Assert.Equal(3, request.IdentitySecretLength);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes("é😀x"), request.IdentitySecret);
    }

    [Fact]
    public void TryReadJson_TextFields_KeepTheirBytesExactly()
    {
        var request = RequestJson.ReadValid(RequestJson.With(
            ("ID", "\" padded id \""),
            ("FileName", "\"a\\/b\\tc\"")));

        // No trimming or normalisation: keys and owner ids are compared byte for byte.
        Assert.Equal(" padded id ", request.Owner.ToFullString());
        Assert.Equal("a/b\tc", request.Key.ToString());
    }

    private static byte[] Ascii(string text) => System.Text.Encoding.ASCII.GetBytes(text);
}
