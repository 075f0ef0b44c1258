using Governance.Broker.Groups;
using Governance.Broker.Network;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>DescribeGroups: state, chosen protocol and members with their metadata and assignment.</summary>
public sealed class DescribeGroupsHandler(GroupCoordinator groups) : RequestHandler<DescribeGroupsRequest, DescribeGroupsResponse>
{
    public override ApiKey Key => ApiKey.DescribeGroups;

    protected override ValueTask<DescribeGroupsResponse?> HandleAsync(
        RequestContext context, DescribeGroupsRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DescribeGroupsResponse?>(new DescribeGroupsResponse
        {
            Groups = request.Groups.Select(groups.DescribeGroup).Select(g => new DescribeGroupsResponse.Group
            {
                ErrorCode = g.ErrorCode,
                GroupId = g.GroupId,
                GroupState = g.State,
                ProtocolType = g.ProtocolType,
                ProtocolData = g.ProtocolName,
                Members = g.Members.Select(m => new DescribeGroupsResponse.Member
                {
                    MemberId = m.MemberId,
                    GroupInstanceId = m.GroupInstanceId,
                    ClientId = m.ClientId,
                    ClientHost = m.ClientHost,
                    MemberMetadata = m.Metadata,
                    MemberAssignment = m.Assignment,
                }).ToList(),
            }).ToList(),
        });
}
