using Governance.Kafka.Protocol;

namespace Governance.Broker.Topics;

/// <summary>The outcome of a topic admin operation (CreateTopics, DeleteTopics, CreatePartitions, AlterConfigs): an error code and a message saying why.</summary>
public sealed record TopicOperationResult(ErrorCode ErrorCode, string? ErrorMessage = null)
{
    public static TopicOperationResult Ok { get; } = new(ErrorCode.None);

    public bool IsSuccess => ErrorCode == ErrorCode.None;
}
