using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Protocol.Tests.Wire;

public sealed class RequestLineTests
{
    [Theory]
    [InlineData(DlmAction.Lock)]
    [InlineData(DlmAction.Unlock)]
    [InlineData(DlmAction.TestLock)]
    [InlineData(DlmAction.Get)]
    [InlineData(DlmAction.Put)]
    [InlineData(DlmAction.Erase)]
    [InlineData(DlmAction.Version)]
    public void Build_EveryAction_ReadsBackIdentically(DlmAction action)
    {
        var line = RequestLine.Build("owner-A-4f1c9e", "t:lock:1", action, 30);

        var request = ReadBack(line);

        Assert.Equal("owner-A-4f1c9e", request.Owner.ToFullString());
        Assert.Equal("t:lock:1", request.Key.ToString());
        Assert.Equal(action, request.Action);
        Assert.Equal(30, request.TtlSeconds);
        Assert.Null(request.Value);
        Assert.Null(request.IdentityName);
        Assert.Null(request.IdentitySecret);
        Assert.False(request.KeepAlive);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("é😀漢")]
    [InlineData("quotes \" and \\ backslashes")]
    [InlineData("control \u0000\u0001\n\r\t\u007f")]
    [InlineData("1l1g1G1G1d")]
    public void Build_Values_ReadBackByteForByte(string value)
    {
        var line = RequestLine.Build("ключ", value + "-key", DlmAction.Put, 12.5, value);

        var request = ReadBack(line);

        Assert.Equal("ключ", request.Owner.ToFullString());
        Assert.Equal(value + "-key", request.Key.ToString());
        Assert.Equal(WireLines.Utf8(value), request.Value);
        Assert.Equal(value.EnumerateRunes().Count(), request.ValueLength);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.25)]
    [InlineData(1e-7)]
    [InlineData(3543)]
    [InlineData(3543.5)]
    [InlineData(0.1 + 0.2)]
    [InlineData(1e15)]
    [InlineData(-5)]
    public void Build_Ttl_ReadsBackExactly(double ttlSeconds)
    {
        var request = ReadBack(RequestLine.Build("o", "k", DlmAction.Lock, ttlSeconds));

        Assert.Equal(ttlSeconds, request.TtlSeconds);
    }

    [Fact]
    public void Build_Identity_ReadsBack()
    {
        var secret = new string('s', 1100) + "é";

        var line = RequestLine.Build(
            "o", "k", DlmAction.Lock, 30, identityName: "ops", identitySecret: secret);

        var request = ReadBack(line);

        Assert.Equal("ops", request.IdentityName);
        Assert.Equal(WireLines.Utf8(secret), request.IdentitySecret);
        Assert.Equal(1101, request.IdentitySecretLength);
    }

    [Fact]
    public void Build_SecretWithoutName_IsNotSent()
    {
        var line = RequestLine.Build("o", "k", DlmAction.Lock, 30, identitySecret: "s");

        Assert.DoesNotContain("Identity", WireLines.DecodeLine(line), StringComparison.Ordinal);
        Assert.Null(ReadBack(line).IdentitySecret);
    }

    [Fact]
    public void Build_NameWithoutSecret_SendsAnEmptySecret()
    {
        var request = ReadBack(RequestLine.Build("o", "k", DlmAction.Lock, 30, identityName: "ops"));

        Assert.Equal("ops", request.IdentityName);
        Assert.NotNull(request.IdentitySecret);
        Assert.Empty(request.IdentitySecret);
    }

    [Fact]
    public void Build_KeepAlive_ReadsBack()
    {
        Assert.True(ReadBack(RequestLine.Build("o", "k", DlmAction.Get, 0, keepAlive: true)).KeepAlive);
    }

    [Fact]
    public void Build_WithoutValue_SendsDataStoreNullAndExpireAsText()
    {
        // What the original client sends with Get and Erase.
        var json = WireLines.DecodeLine(RequestLine.Build("o", "k", DlmAction.Get, 0));

        Assert.Contains("\"DataStore\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"Expire\": \"0\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Action\": \"Get\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ManyTimes_AlwaysReadsBackTheSame()
    {
        for (var i = 0; i < 50; i++)
        {
            var line = RequestLine.Build("o", "k", DlmAction.Put, 5, "v", "ops", "secret", keepAlive: true);

            var request = ReadBack(line);

            Assert.Equal(DlmAction.Put, request.Action);
            Assert.Equal("v"u8.ToArray(), request.Value);
            Assert.Equal("ops", request.IdentityName);
            Assert.Equal("secret"u8.ToArray(), request.IdentitySecret);
            Assert.True(request.KeepAlive);
        }
    }

    private static DlmRequest ReadBack(byte[] line)
    {
        Assert.Equal((byte)'\n', line[^1]);
        var error = RequestReader.TryReadLine(line.AsSpan(0, line.Length - 1), out var request);
        Assert.Equal(RequestError.None, error);
        return request!;
    }
}
