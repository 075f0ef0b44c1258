using Governance.Broker.Activity;
using Governance.Broker.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Governance.Broker.Hosting;

public static class BrokerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the broker from the <c>Governance:Broker</c> section: <see cref="BrokerOptions"/>, the
    /// <see cref="IBrokerActivitySink"/> registered by the host, if any (lineage), the allow-all <see cref="IBrokerAuthorizer"/> unless one is
    /// registered, and, when enabled, the <see cref="BrokerServer"/> with a hosted service that runs its listener.
    /// Produce-time schema validation uses the <see cref="ISchemaRegistryLookup"/> registered by the host, if any.
    /// </summary>
    public static IServiceCollection AddGovernanceBroker(this IServiceCollection services, IConfiguration configuration)
    {
        var options = BrokerOptionsReader.Read(configuration);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBrokerAuthorizer, AllowAllAuthorizer>();
        if (!options.Enabled)
        {
            return services;
        }
        services.AddSingleton(sp => new BrokerServer(
            options,
            sp.GetService<IBrokerActivitySink>(),
            sp.GetService<ISchemaRegistryLookup>(),
            sp.GetRequiredService<IBrokerAuthorizer>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<BrokerHostedService>();
        return services;
    }
}
