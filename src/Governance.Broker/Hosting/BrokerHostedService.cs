using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Broker.Hosting;

/// <summary>Starts the broker's listener with the host and stops it, flushing logs and group state, at shutdown.</summary>
public sealed class BrokerHostedService(BrokerServer broker, ILogger<BrokerHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        broker.Start();
        logger.LogInformation(
            "Kafka broker listening on {EndPoint}, advertised as {Host}:{Port}",
            broker.LocalEndPoint, broker.Identity.AdvertisedHost, broker.Identity.AdvertisedPort);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await broker.DisposeAsync().ConfigureAwait(false);
        logger.LogInformation("Kafka broker stopped");
    }
}
