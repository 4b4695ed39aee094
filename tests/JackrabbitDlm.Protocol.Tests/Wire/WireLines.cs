using System.Buffers;
using JackrabbitDlm.Protocol.Encoding;
using JackrabbitDlm.Protocol.Wire;

namespace JackrabbitDlm.Protocol.Tests.Wire;

/// <summary>Writes messages to bytes and turns encoded lines back into their JSON text.</summary>
internal static class WireLines
{
    public static byte[] Write(DlmResponse response, bool shuffle = true)
    {
        var output = new ArrayBufferWriter<byte>();
        var written = response.WriteLine(output, shuffle);
        Assert.Equal(output.WrittenCount, written);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The JSON text of an encoded line; fails unless it ends in exactly one newline.</summary>
    public static string DecodeLine(byte[] line)
    {
        Assert.Equal((byte)'\n', line[^1]);
        var encoded = System.Text.Encoding.ASCII.GetString(line, 0, line.Length - 1);
        Assert.DoesNotContain('\n', encoded);
        var json = DlmTextEncoding.DecodeText(encoded);
        Assert.NotNull(json);
        return json;
    }

    public static byte[] EncodeLine(string json) =>
        System.Text.Encoding.ASCII.GetBytes(DlmTextEncoding.EncodeText(json) + "\n");

    public static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
