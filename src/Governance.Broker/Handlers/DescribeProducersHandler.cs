using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>DescribeProducers (KIP-664): the idempotent producers each partition remembers.</summary>
public sealed class DescribeProducersHandler(TopicManager topics) : RequestHandler<DescribeProducersRequest, DescribeProducersResponse>
{
    public override ApiKey Key => ApiKey.DescribeProducers;

    protected override ValueTask<DescribeProducersResponse?> HandleAsync(
        RequestContext context, DescribeProducersRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DescribeProducersResponse?>(new DescribeProducersResponse
        {
            Topics = request.Topics.Select(t => new TopicPartitions<DescribeProducersResponse.Partition>
            {
                Name = t.Name,
                Partitions = t.PartitionIndexes.Select(index => Describe(t.Name, index)).ToList(),
            }).ToList(),
        });

    private DescribeProducersResponse.Partition Describe(string topic, int index)
    {
        var answer = new DescribeProducersResponse.Partition { PartitionIndex = index };
        var partition = topics.GetPartition(topic, index);
        if (partition is null)
        {
            answer.ErrorCode = ErrorCode.UnknownTopicOrPartition;
            answer.ErrorMessage = $"Partition {topic}-{index} does not exist.";
            return answer;
        }
        answer.ActiveProducers = partition.ActiveProducers().Select(p => new DescribeProducersResponse.ProducerState
        {
            ProducerId = p.ProducerId,
            ProducerEpoch = p.ProducerEpoch,
            LastSequence = p.LastSequence,
            LastTimestamp = p.LastTimestamp,
            CoordinatorEpoch = p.CoordinatorEpoch,
            CurrentTxnStartOffset = p.CurrentTxnStartOffset,
        }).ToList();
        return answer;
    }
}
