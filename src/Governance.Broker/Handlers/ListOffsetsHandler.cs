using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>ListOffsets: earliest (-2), latest (-1), largest timestamp (-3) or the first offset at or after a timestamp.</summary>
public sealed class ListOffsetsHandler(TopicManager topics) : RequestHandler<ListOffsetsRequest, ListOffsetsResponse>
{
    public override ApiKey Key => ApiKey.ListOffsets;

    protected override ValueTask<ListOffsetsResponse?> HandleAsync(
        RequestContext context, ListOffsetsRequest request, CancellationToken cancellationToken)
    {
        var response = new ListOffsetsResponse
        {
            Topics = request.Topics.Select(t => new TopicPartitions<ListOffsetsResponse.Partition>
            {
                Name = t.Name,
                Partitions = t.Partitions.Select(p => List(t.Name, p)).ToList(),
            }).ToList(),
        };
        return ValueTask.FromResult<ListOffsetsResponse?>(response);
    }

    private ListOffsetsResponse.Partition List(string topic, ListOffsetsRequest.Partition asked)
    {
        var answer = new ListOffsetsResponse.Partition { PartitionIndex = asked.PartitionIndex };
        var partition = topics.GetPartition(topic, asked.PartitionIndex);
        if (partition is null)
        {
            answer.ErrorCode = ErrorCode.UnknownTopicOrPartition;
            return answer;
        }
        var result = partition.ListOffset(asked.Timestamp);
        answer.ErrorCode = result.ErrorCode;
        answer.Timestamp = result.Timestamp;
        answer.Offset = result.Offset;
        answer.LeaderEpoch = 0;
        // v0 answers with a list of segment offsets; this broker gives the one asked for (or none).
        answer.OldStyleOffsets = result.Offset >= 0 ? [result.Offset] : [];
        return answer;
    }
}
