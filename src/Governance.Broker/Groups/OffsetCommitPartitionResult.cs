using Governance.Broker.Topics;
using Governance.Kafka.Protocol;

namespace Governance.Broker.Groups;

/// <summary>The outcome of committing one partition's offset.</summary>
public sealed record OffsetCommitPartitionResult(string Topic, int Partition, ErrorCode ErrorCode);
