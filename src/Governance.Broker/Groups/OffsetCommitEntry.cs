namespace Governance.Broker.Groups;

/// <summary>One partition's offset to commit (OffsetCommit) or as committed (OffsetFetch).</summary>
/// <param name="LeaderEpoch">OffsetCommit v6+, else -1.</param>
/// <param name="Metadata">The client's metadata string; null is stored as empty, as Kafka does.</param>
public sealed record OffsetCommitEntry(string Topic, int Partition, long Offset, int LeaderEpoch, string? Metadata);
