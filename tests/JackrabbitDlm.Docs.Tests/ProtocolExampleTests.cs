using System.Text;
using JackrabbitDlm.Docs.Tests.Infrastructure;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Docs.Tests;

/// <summary>The worked encoding example of the protocol page is what the codec makes.</summary>
public sealed class ProtocolExampleTests
{
    private static MarkdownDocument Protocol => Repository.Document("docs/protocol.md");

    [Theory]
    [InlineData("request")]
    [InlineData("reply")]
    public void EncodedLine_OfTheExample_DecodesToItsJson(string example)
    {
        var line = Example($"{example}-line");
        var json = Example($"{example}-json");

        Assert.Equal(json, DlmTextEncoding.DecodeText(line));
        Assert.Equal(line, DlmTextEncoding.EncodeText(json));
    }

    [Fact]
    public void RequestExample_ReadByTheServer_IsALockOfJobFor60Seconds()
    {
        var error = RequestReader.TryReadLine(Encoding.ASCII.GetBytes(Example("request-line")), out var request);

        Assert.Equal(RequestError.None, error);
        Assert.Equal(DlmAction.Lock, request!.Action);
        Assert.Equal("job", request.Key.ToString());
        Assert.Equal(60, request.TtlSeconds);
    }

    [Fact]
    public void ReplyExample_ReadByTheClient_IsLockedWithToken7()
    {
        var reply = ReplyReader.TryReadLine(Encoding.ASCII.GetBytes(Example("reply-line")));

        Assert.Equal(DlmStatus.Locked, reply!.Status);
        Assert.Equal(7, reply.Token);
    }

    [Theory]
    [InlineData("{", "a^")]
    [InlineData("é", "A$Ae")]
    public void WorkedCharacters_OfTheProse_EncodeAsStated(string text, string encoded)
    {
        Assert.Equal(encoded, DlmTextEncoding.EncodeText(text));
        Assert.Contains($"becomes `{encoded}`", string.Join(' ', Protocol.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Alphabet_OfTheEncodingSection_IsTheCodecs()
    {
        Assert.Contains(
            Protocol.Blocks,
            block => block.Language == "text" && block.Text.Trim() == DlmTextEncoding.Alphabet);
    }

    private static string Example(string name) =>
        Protocol.Blocks.Single(block => block.Marker == $"example:{name}").Text.Trim();
}
