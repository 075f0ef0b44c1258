using Governance.Broker.Groups;
using Governance.Broker.Network;
using Governance.Kafka.Protocol;
using Wire = Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>
/// JoinGroup: waits in the coordinator until the join phase of the rebalance ends. v4+ first joins get
/// MEMBER_ID_REQUIRED with their new id (KIP-394); v0 has no rebalance timeout, so the session timeout serves.
/// </summary>
public sealed class JoinGroupHandler(GroupCoordinator groups) : RequestHandler<Wire.JoinGroupRequest, Wire.JoinGroupResponse>
{
    public override ApiKey Key => ApiKey.JoinGroup;

    protected override async ValueTask<Wire.JoinGroupResponse?> HandleAsync(
        RequestContext context, Wire.JoinGroupRequest request, CancellationToken cancellationToken)
    {
        var join = new JoinGroupRequest(
            request.GroupId,
            request.MemberId,
            request.GroupInstanceId,
            context.Connection.ClientId,
            context.Connection.Host,
            request.SessionTimeoutMs,
            context.ApiVersion == 0 ? request.SessionTimeoutMs : request.RebalanceTimeoutMs,
            request.ProtocolType,
            request.Protocols.Select(p => new GroupProtocol(p.Name, p.Metadata)).ToList(),
            RequireKnownMemberId: context.ApiVersion >= 4);
        var result = await groups.JoinAsync(join, cancellationToken).ConfigureAwait(false);
        return new Wire.JoinGroupResponse
        {
            ErrorCode = result.ErrorCode,
            GenerationId = result.GenerationId,
            ProtocolType = result.ProtocolType,
            ProtocolName = result.ProtocolName,
            Leader = result.LeaderId,
            MemberId = result.MemberId,
            Members = result.Members
                .Select(m => new Wire.JoinGroupResponse.Member { MemberId = m.MemberId, GroupInstanceId = m.GroupInstanceId, Metadata = m.Metadata })
                .ToList(),
        };
    }
}
