using Medallion.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JackrabbitDlm.Client;

/// <summary>Registers the JackrabbitDLM client with a service collection.</summary>
public static class JackrabbitDlmServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="DlmClient"/>, <see cref="DlmLockProvider"/> and
    /// <see cref="IDistributedLockProvider"/>, configured in code.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; null keeps the defaults.</param>
    /// <returns>The service collection.</returns>
    /// <remarks>
    /// Options out of range throw <see cref="ArgumentException"/> when the client is first
    /// resolved.
    /// </remarks>
    public static IServiceCollection AddJackrabbitDlm(
        this IServiceCollection services,
        Action<JackrabbitDlmClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<JackrabbitDlmClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddServices(services);
    }

    /// <summary>
    /// Registers the client as
    /// <see cref="AddJackrabbitDlm(IServiceCollection, Action{JackrabbitDlmClientOptions}?)"/>
    /// does, with options bound from a configuration section, e.g.
    /// <c>configuration.GetSection(JackrabbitDlmClientOptions.SectionName)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">
    /// The section holding <c>Host</c>, <c>Port</c>, <c>RetryCount</c> and so on.
    /// </param>
    /// <param name="configure">
    /// Adjusts the bound options, e.g. to set value encoders; may be null.
    /// </param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddJackrabbitDlm(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<JackrabbitDlmClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<JackrabbitDlmClientOptions>().Bind(configuration);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddServices(services);
    }

    private static IServiceCollection AddServices(IServiceCollection services)
    {
        services.TryAddSingleton(provider => new DlmClient(
            provider.GetRequiredService<IOptions<JackrabbitDlmClientOptions>>().Value,
            provider.GetService<ILogger<DlmClient>>()));
        services.TryAddSingleton(
            provider => new DlmLockProvider(provider.GetRequiredService<DlmClient>()));
        services.TryAddSingleton<IDistributedLockProvider>(
            provider => provider.GetRequiredService<DlmLockProvider>());
        return services;
    }
}
