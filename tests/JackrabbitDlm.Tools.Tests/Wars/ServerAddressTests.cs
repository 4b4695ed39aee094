using JackrabbitDlm.Tools.Wars;

namespace JackrabbitDlm.Tools.Tests.Wars;

public sealed class ServerAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:37373", "127.0.0.1", 37373)]
    [InlineData("dlm.example:1", "dlm.example", 1)]
    [InlineData("[::1]:65535", "::1", 65535)]
    public void TryParse_HostAndPort_ReadsBothAndFormatsBack(string text, string host, int port)
    {
        Assert.True(ServerAddress.TryParse(text, out var address, out var error));

        Assert.Null(error);
        Assert.Equal(new ServerAddress(host, port), address);
        Assert.Equal(text, address.ToString());
    }

    [Theory]
    [InlineData(null, "is not HOST:PORT")]
    [InlineData("localhost", "is not HOST:PORT")]
    [InlineData(":37373", "names no host")]
    [InlineData("[]:37373", "names no host")]
    [InlineData("::1:37373", "needs brackets")]
    [InlineData("localhost:0", "port from 1 to 65535")]
    [InlineData("localhost:65536", "port from 1 to 65535")]
    [InlineData("localhost:+80", "port from 1 to 65535")]
    [InlineData("localhost:", "port from 1 to 65535")]
    public void TryParse_Malformed_IsFalseWithReason(string? text, string reason)
    {
        Assert.False(ServerAddress.TryParse(text, out var address, out var error));

        Assert.Null(address);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
