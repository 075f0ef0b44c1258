using Governance.Broker.Topics;

namespace Governance.Broker.Groups;

/// <summary>The outcome of committing one partition's offset.</summary>
public sealed record OffsetCommitPartitionResult(string Topic, int Partition, BrokerErrorCode ErrorCode);
