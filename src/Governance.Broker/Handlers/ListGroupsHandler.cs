using Governance.Broker.Groups;
using Governance.Broker.Network;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>ListGroups, filtered by state from v4 (KIP-518).</summary>
public sealed class ListGroupsHandler(GroupCoordinator groups) : RequestHandler<ListGroupsRequest, ListGroupsResponse>
{
    public override ApiKey Key => ApiKey.ListGroups;

    protected override ValueTask<ListGroupsResponse?> HandleAsync(
        RequestContext context, ListGroupsRequest request, CancellationToken cancellationToken)
    {
        var listings = groups.ListGroups(request.StatesFilter.Count == 0 ? null : request.StatesFilter);
        return ValueTask.FromResult<ListGroupsResponse?>(new ListGroupsResponse
        {
            Groups = listings
                .Select(g => new ListGroupsResponse.Group { GroupId = g.GroupId, ProtocolType = g.ProtocolType, GroupState = g.State })
                .ToList(),
        });
    }
}
