using Governance.Broker.Groups;
using Governance.Broker.Network;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>OffsetFetch: committed offsets of the asked partitions (all committed partitions when topics is null, v2+).</summary>
public sealed class OffsetFetchHandler(GroupCoordinator groups) : RequestHandler<OffsetFetchRequest, OffsetFetchResponse>
{
    public override ApiKey Key => ApiKey.OffsetFetch;

    protected override ValueTask<OffsetFetchResponse?> HandleAsync(
        RequestContext context, OffsetFetchRequest request, CancellationToken cancellationToken)
    {
        var asked = request.Topics?.SelectMany(t => t.PartitionIndexes.Select(p => (t.Name, p))).ToList();
        var result = groups.FetchOffsets(request.GroupId, asked);
        var errorCode = result.ErrorCode;
        var response = new OffsetFetchResponse
        {
            ErrorCode = errorCode,
            Topics = result.Offsets.GroupBy(o => o.Topic).Select(g => new TopicPartitions<OffsetFetchResponse.Partition>
            {
                Name = g.Key,
                Partitions = g.Select(o => new OffsetFetchResponse.Partition
                {
                    PartitionIndex = o.Partition,
                    CommittedOffset = o.Offset,
                    CommittedLeaderEpoch = o.LeaderEpoch,
                    Metadata = o.Metadata ?? "",
                    // v0-1 have no top-level error code: each partition carries it.
                    ErrorCode = context.ApiVersion < 2 ? errorCode : ErrorCode.None,
                }).ToList(),
            }).ToList(),
        };
        return ValueTask.FromResult<OffsetFetchResponse?>(response);
    }
}
