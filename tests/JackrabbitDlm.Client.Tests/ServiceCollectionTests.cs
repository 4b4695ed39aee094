using Medallion.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JackrabbitDlm.Client.Tests;

public sealed class ServiceCollectionTests
{
    [Fact]
    public void AddJackrabbitDlm_WithoutLogging_ResolvesOneSharedClientAndProvider()
    {
        using var provider = new ServiceCollection()
            .AddJackrabbitDlm(options => options.OwnerId = "from-code")
            .BuildServiceProvider();

        var client = provider.GetRequiredService<DlmClient>();
        var lockProvider = provider.GetRequiredService<IDistributedLockProvider>();

        Assert.Same(client, provider.GetRequiredService<DlmClient>());
        Assert.Same(provider.GetRequiredService<DlmLockProvider>(), lockProvider);
        Assert.Equal("from-code", client.OwnerId);
        Assert.Equal("jobs:nightly", lockProvider.CreateLock("jobs:nightly").Name);
    }

    [Fact]
    public void AddJackrabbitDlm_ConfigurationThenCode_CodeWins()
    {
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Port"] = "40001", ["OwnerId"] = "from-config" })
            .Build();

        using var provider = new ServiceCollection()
            .AddJackrabbitDlm(section, options => options.OwnerId = "from-code")
            .BuildServiceProvider();

        Assert.Equal("from-code", provider.GetRequiredService<DlmClient>().OwnerId);
    }

    [Fact]
    public void AddJackrabbitDlm_CalledTwice_RegistersTheClientOnce()
    {
        var services = new ServiceCollection().AddJackrabbitDlm().AddJackrabbitDlm();

        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(DlmClient));
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IDistributedLockProvider));
    }

    [Fact]
    public void AddJackrabbitDlm_InvalidOptions_ThrowsWhenTheClientIsResolved()
    {
        using var provider = new ServiceCollection()
            .AddJackrabbitDlm(options => options.Port = 0)
            .BuildServiceProvider();

        Assert.Throws<ArgumentOutOfRangeException>(() => provider.GetRequiredService<DlmClient>());
    }
}
