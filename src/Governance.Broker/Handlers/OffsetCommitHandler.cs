using Governance.Broker.Groups;
using Governance.Broker.Network;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>OffsetCommit: persisted by the coordinator before the answer. v0 commits outside any generation.</summary>
public sealed class OffsetCommitHandler(GroupCoordinator groups) : RequestHandler<OffsetCommitRequest, OffsetCommitResponse>
{
    public override ApiKey Key => ApiKey.OffsetCommit;

    protected override ValueTask<OffsetCommitResponse?> HandleAsync(
        RequestContext context, OffsetCommitRequest request, CancellationToken cancellationToken)
    {
        var entries = request.Topics
            .SelectMany(t => t.Partitions.Select(p =>
                new OffsetCommitEntry(t.Name, p.PartitionIndex, p.CommittedOffset, p.CommittedLeaderEpoch, p.CommittedMetadata)))
            .ToList();
        var results = groups.CommitOffsets(request.GroupId, request.GenerationId, request.MemberId, request.GroupInstanceId, entries);
        var response = new OffsetCommitResponse
        {
            Topics = results.GroupBy(r => r.Topic).Select(g => new TopicPartitions<OffsetCommitResponse.Partition>
            {
                Name = g.Key,
                Partitions = g.Select(r => new OffsetCommitResponse.Partition { PartitionIndex = r.Partition, ErrorCode = r.ErrorCode }).ToList(),
            }).ToList(),
        };
        return ValueTask.FromResult<OffsetCommitResponse?>(response);
    }
}
