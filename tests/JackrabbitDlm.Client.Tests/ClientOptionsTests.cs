using JackrabbitDlm.Client.Transport;
using JackrabbitDlm.Protocol.Encoding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JackrabbitDlm.Client.Tests;

public sealed class ClientOptionsTests
{
    [Fact]
    public void From_Defaults_AreTheOriginalClients()
    {
        var settings = ClientSettings.From(new JackrabbitDlmClientOptions());

        Assert.Equal("127.0.0.1", settings.Host);
        Assert.Equal(37373, settings.Port);
        Assert.Equal(7, settings.RetryCount);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.RetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(300), settings.SocketTimeout);
        Assert.False(settings.KeepAlive);
        Assert.Null(settings.IdentityName);
        Assert.Equal(DlmTextEncoding.EncodeText("é!"), settings.ValueEncoder("é!"));
        Assert.Equal("é!", settings.ValueDecoder(DlmTextEncoding.EncodeText("é!")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData(-1)]
    public void From_PortOutOfRange_Throws(int port)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => ClientSettings.From(new JackrabbitDlmClientOptions { Port = port }));
        Assert.Equal("Port", exception.ParamName);
    }

    [Fact]
    public void From_NegativeRetryCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => ClientSettings.From(new JackrabbitDlmClientOptions { RetryCount = -1 }));
    }

    [Fact]
    public void From_ZeroSocketTimeout_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => ClientSettings.From(new JackrabbitDlmClientOptions { SocketTimeout = TimeSpan.Zero }));
    }

    [Fact]
    public void From_SecretWithoutName_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => ClientSettings.From(new JackrabbitDlmClientOptions { IdentitySecret = "s3cret" }));
    }

    [Fact]
    public void From_EmptyOwnerId_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClientSettings.From(new JackrabbitDlmClientOptions { OwnerId = "" }));
    }

    [Fact]
    public void From_OptionsChangedAfterwards_KeepsTheCopy()
    {
        var options = new JackrabbitDlmClientOptions { Port = 4000 };
        var settings = ClientSettings.From(options);

        options.Port = 5000;

        Assert.Equal(4000, settings.Port);
    }

    [Fact]
    public void Bind_ConfigurationSection_SetsEveryScalarOption()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["JackrabbitDlm:Host"] = "dlm.internal",
                ["JackrabbitDlm:Port"] = "40404",
                ["JackrabbitDlm:OwnerId"] = "worker-7",
                ["JackrabbitDlm:IdentityName"] = "billing",
                ["JackrabbitDlm:IdentitySecret"] = "not-a-real-secret",
                ["JackrabbitDlm:RetryCount"] = "3",
                ["JackrabbitDlm:RetryDelay"] = "00:00:00.250",
                ["JackrabbitDlm:SocketTimeout"] = "00:00:20",
                ["JackrabbitDlm:KeepAlive"] = "true",
                ["JackrabbitDlm:LeaseDuration"] = "00:01:00",
            })
            .Build();
        using var provider = new ServiceCollection()
            .AddJackrabbitDlm(configuration.GetSection(JackrabbitDlmClientOptions.SectionName))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<JackrabbitDlmClientOptions>>().Value;

        Assert.Equal("dlm.internal", options.Host);
        Assert.Equal(40404, options.Port);
        Assert.Equal("worker-7", options.OwnerId);
        Assert.Equal("billing", options.IdentityName);
        Assert.Equal("not-a-real-secret", options.IdentitySecret);
        Assert.Equal(3, options.RetryCount);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.SocketTimeout);
        Assert.True(options.KeepAlive);
        Assert.Equal(TimeSpan.FromMinutes(1), options.LeaseDuration);
        Assert.Null(options.ValueEncoder);
        Assert.Equal("worker-7", provider.GetRequiredService<DlmClient>().OwnerId);
    }
}
