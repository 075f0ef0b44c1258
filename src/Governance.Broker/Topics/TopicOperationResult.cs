namespace Governance.Broker.Topics;

/// <summary>The outcome of a topic admin operation (CreateTopics, DeleteTopics, CreatePartitions, AlterConfigs): an error code and a message saying why.</summary>
public sealed record TopicOperationResult(BrokerErrorCode ErrorCode, string? ErrorMessage = null)
{
    public static TopicOperationResult Ok { get; } = new(BrokerErrorCode.None);

    public bool IsSuccess => ErrorCode == BrokerErrorCode.None;
}
