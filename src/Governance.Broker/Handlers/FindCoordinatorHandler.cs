using Governance.Broker.Network;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>FindCoordinator: this broker coordinates every group.</summary>
public sealed class FindCoordinatorHandler(BrokerIdentity broker) : RequestHandler<FindCoordinatorRequest, FindCoordinatorResponse>
{
    public override ApiKey Key => ApiKey.FindCoordinator;

    protected override ValueTask<FindCoordinatorResponse?> HandleAsync(
        RequestContext context, FindCoordinatorRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<FindCoordinatorResponse?>(new FindCoordinatorResponse
        {
            NodeId = BrokerIdentity.NodeId,
            Host = broker.AdvertisedHost,
            Port = broker.AdvertisedPort,
        });
}
