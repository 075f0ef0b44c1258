using Governance.Broker.Groups;
using Governance.Broker.Network;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>LeaveGroup: one member before v3, a batch of members from v3 (KIP-345).</summary>
public sealed class LeaveGroupHandler(GroupCoordinator groups) : RequestHandler<LeaveGroupRequest, LeaveGroupResponse>
{
    public override ApiKey Key => ApiKey.LeaveGroup;

    protected override ValueTask<LeaveGroupResponse?> HandleAsync(
        RequestContext context, LeaveGroupRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<LeaveGroupMember> leaving = context.ApiVersion < 3
            ? [new LeaveGroupMember(request.MemberId, null)]
            : request.Members.Select(m => new LeaveGroupMember(m.MemberId, m.GroupInstanceId)).ToList();
        var result = groups.Leave(request.GroupId, leaving);
        var response = new LeaveGroupResponse
        {
            ErrorCode = result.ErrorCode,
            Members = result.Members.Select(m => new LeaveGroupResponse.Member
            {
                MemberId = m.MemberId,
                GroupInstanceId = m.GroupInstanceId,
                ErrorCode = m.ErrorCode,
            }).ToList(),
        };
        if (context.ApiVersion < 3 && response.ErrorCode == ErrorCode.None && response.Members.Count == 1)
        {
            // Before v3 the single member's outcome is the answer's only error code.
            response.ErrorCode = response.Members[0].ErrorCode;
        }
        return ValueTask.FromResult<LeaveGroupResponse?>(response);
    }
}
