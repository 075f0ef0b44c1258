using Governance.Broker.Groups;
using Governance.Broker.Network;
using Governance.Kafka.Protocol;
using Wire = Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>SyncGroup: the leader hands in the assignments; every member waits for its own.</summary>
public sealed class SyncGroupHandler(GroupCoordinator groups) : RequestHandler<Wire.SyncGroupRequest, Wire.SyncGroupResponse>
{
    public override ApiKey Key => ApiKey.SyncGroup;

    protected override async ValueTask<Wire.SyncGroupResponse?> HandleAsync(
        RequestContext context, Wire.SyncGroupRequest request, CancellationToken cancellationToken)
    {
        var sync = new SyncGroupRequest(
            request.GroupId,
            request.GenerationId,
            request.MemberId,
            request.GroupInstanceId,
            request.ProtocolType,
            request.ProtocolName,
            request.Assignments.Select(a => new MemberAssignment(a.MemberId, a.Data)).ToList());
        var result = await groups.SyncAsync(sync, cancellationToken).ConfigureAwait(false);
        return new Wire.SyncGroupResponse
        {
            ErrorCode = result.ErrorCode,
            ProtocolType = result.ProtocolType,
            ProtocolName = result.ProtocolName,
            Assignment = result.Assignment,
        };
    }
}
