using Governance.Broker.Groups;
using Governance.Broker.Network;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>Heartbeat: keeps the member's session alive and tells it when a rebalance is under way.</summary>
public sealed class HeartbeatHandler(GroupCoordinator groups) : RequestHandler<HeartbeatRequest, HeartbeatResponse>
{
    public override ApiKey Key => ApiKey.Heartbeat;

    protected override ValueTask<HeartbeatResponse?> HandleAsync(
        RequestContext context, HeartbeatRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<HeartbeatResponse?>(new HeartbeatResponse
        {
            ErrorCode = groups.Heartbeat(request.GroupId, request.MemberId, request.GroupInstanceId, request.GenerationId),
        });
}
