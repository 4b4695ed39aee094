using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Protocol.Tests.Wire;

/// <summary>The type rules of each request field, read through <see cref="RequestReader"/>.</summary>
public sealed class RequestFieldsTests
{
    private static readonly string[] NonStringValues =
        ["5", "-1.5", "true", "false", "null", "[]", "[\"a\"]", "{}", "{\"a\": \"b\"}"];

    public static TheoryData<string, string> TextFieldsWithWrongTypes =>
        Cross(["ID", "FileName", "Action"], NonStringValues);

    public static TheoryData<string, string> ExpireNotANumber => Single("Expire",
        "true", "false", "null", "[]", "[30]", "{}", "{\"seconds\": 30}",
        "\"abc\"", "\"\"", "\"  \"", "\"30s\"", "\"0x10\"", "\"1__0\"",
        "\"nan\"", "\"NaN\"", "\"-nan\"", "\"inf\"", "\"-inf\"", "\"Infinity\"", "\"infinity\"",
        "1e400", "-1e400", "\"1e400\"", "\"-1e400\"");

    [Theory]
    [InlineData("ID")]
    [InlineData("FileName")]
    [InlineData("Action")]
    [InlineData("Expire")]
    public void Build_RequiredFieldMissing_IsMissingField(string field)
    {
        Assert.Equal(RequestError.MissingField, RequestJson.ErrorWith((field, null)));
    }

    [Theory]
    [InlineData("Version")]
    [InlineData("Unlock")]
    [InlineData("Get")]
    public void Build_ExpireMissingOnAnActionThatIgnoresIt_IsStillMissingField(string action)
    {
        // The original needs all four fields on every action, Version included.
        var json = RequestJson.With(("Action", $"\"{action}\""), ("Expire", null));

        Assert.Equal(RequestError.MissingField, RequestJson.Read(json, out _));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"Action\": \"Version\"}")]
    [InlineData("{\"id\": \"a\", \"filename\": \"k\", \"action\": \"Lock\", \"expire\": \"1\"}")]
    public void Build_RequiredFieldsAbsent_IsMissingField(string json)
    {
        Assert.Equal(RequestError.MissingField, RequestJson.Read(json, out _));
    }

    [Theory]
    [MemberData(nameof(TextFieldsWithWrongTypes))]
    public void ReadObject_TextFieldOfWrongType_IsWrongType(string field, string rawValue)
    {
        // The original stops the whole server on some of these (section 9).
        Assert.Equal(RequestError.WrongType, RequestJson.ErrorWith((field, rawValue)));
    }

    [Theory]
    [MemberData(nameof(ExpireNotANumber))]
    public void ReadObject_ExpireNotAFiniteNumber_IsBadExpire(string field, string rawValue)
    {
        Assert.Equal(RequestError.BadExpire, RequestJson.ErrorWith((field, rawValue)));
    }

    [Theory]
    [InlineData("30", 30)]
    [InlineData("0", 0)]
    [InlineData("1.5", 1.5)]
    [InlineData("-5", -5)]
    [InlineData("3543.5", 3543.5)]
    [InlineData("1e2", 100)]
    [InlineData("\"30\"", 30)]
    [InlineData("\" 7 \"", 7)]
    [InlineData("\"1_0\"", 10)]
    [InlineData("\"-5\"", -5)]
    [InlineData("\"0\"", 0)]
    [InlineData("\"1e2\"", 100)]
    [InlineData("\"\\u0033\\u0030\"", 30)]
    public void ReadObject_ExpireNumberOrNumericText_IsReadAsSeconds(string rawValue, double seconds)
    {
        // Negative values are read here and refused by the engine's validator.
        var request = RequestJson.ReadValid(RequestJson.With(("Expire", rawValue)));

        Assert.Equal(seconds, request.TtlSeconds);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("[]")]
    [InlineData("[\"v\"]")]
    [InlineData("{}")]
    [InlineData("{\"a\": 1}")]
    public void ReadObject_DataStoreNotTextOrNull_IsWrongType(string rawValue)
    {
        var json = RequestJson.With(("Action", "\"Put\""), ("DataStore", rawValue));

        Assert.Equal(RequestError.WrongType, RequestJson.Read(json, out _));
    }

    [Theory]
    [InlineData("Get")]
    [InlineData("Erase")]
    [InlineData("Put")]
    public void ReadObject_DataStoreNull_MeansNoValue(string action)
    {
        // The original client sends "DataStore": null with Get and Erase.
        var json = RequestJson.With(("Action", $"\"{action}\""), ("DataStore", "null"));

        var request = RequestJson.ReadValid(json);

        Assert.Null(request.Value);
        Assert.Equal(0, request.ValueLength);
    }

    [Fact]
    public void ReadObject_DataStoreEmptyText_IsAnEmptyValue()
    {
        var request = RequestJson.ReadValid(RequestJson.With(("Action", "\"Put\""), ("DataStore", "\"\"")));

        Assert.NotNull(request.Value);
        Assert.Empty(request.Value);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("5")]
    [InlineData("true")]
    [InlineData("[]")]
    [InlineData("[\"ops\"]")]
    [InlineData("{}")]
    public void ReadObject_NameNotText_IsWrongType(string rawValue)
    {
        var json = RequestJson.With(("Name", rawValue), ("Identity", "\"secret\""));

        Assert.Equal(RequestError.WrongType, RequestJson.Read(json, out _));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("5")]
    [InlineData("false")]
    [InlineData("[]")]
    [InlineData("{\"secret\": \"x\"}")]
    public void Build_IdentityNotTextWithName_IsWrongType(string rawValue)
    {
        var json = RequestJson.With(("Name", "\"ops\""), ("Identity", rawValue));

        Assert.Equal(RequestError.WrongType, RequestJson.Read(json, out _));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("5")]
    [InlineData("false")]
    [InlineData("[]")]
    [InlineData("{\"secret\": \"x\"}")]
    [InlineData("\"a secret\"")]
    public void Build_IdentityWithoutName_IsIgnored(string rawValue)
    {
        var request = RequestJson.ReadValid(RequestJson.With(("Identity", rawValue)));

        Assert.Null(request.IdentityName);
        Assert.Null(request.IdentitySecret);
        Assert.Equal(0, request.IdentitySecretLength);
    }

    [Fact]
    public void Build_IdentityBeforeName_IsStillChecked()
    {
        // Key order is free (section 3): the check must not depend on Name coming first.
        var json = RequestJson.With(("Identity", "5"), ("Name", "\"ops\""));

        Assert.Equal(RequestError.WrongType, RequestJson.Read(json, out _));
    }

    [Fact]
    public void Build_NameWithoutIdentity_HasNoSecret()
    {
        var request = RequestJson.ReadValid(RequestJson.With(("Name", "\"ops\"")));

        Assert.Equal("ops", request.IdentityName);
        Assert.Null(request.IdentitySecret);
    }

    [Fact]
    public void Build_EmptyName_IsKeptForTheValidatorToRefuse()
    {
        var request = RequestJson.ReadValid(RequestJson.With(("Name", "\"\""), ("Identity", "\"s\"")));

        Assert.Equal(string.Empty, request.IdentityName);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("\"true\"")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void ReadObject_KeepAliveNotBoolean_IsWrongType(string rawValue)
    {
        Assert.Equal(RequestError.WrongType, RequestJson.ErrorWith(("KeepAlive", rawValue)));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void ReadObject_KeepAlive_IsReadAsBoolean(string? rawValue, bool expected)
    {
        var request = RequestJson.ReadValid(RequestJson.With(("KeepAlive", rawValue)));

        Assert.Equal(expected, request.KeepAlive);
    }

    private static TheoryData<string, string> Cross(string[] fields, string[] rawValues)
    {
        var data = new TheoryData<string, string>();
        foreach (var field in fields)
        {
            foreach (var rawValue in rawValues)
            {
                data.Add(field, rawValue);
            }
        }

        return data;
    }

    private static TheoryData<string, string> Single(string field, params string[] rawValues) =>
        Cross([field], rawValues);
}
