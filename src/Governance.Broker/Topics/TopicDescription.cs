namespace Governance.Broker.Topics;

/// <summary>A topic as Metadata and the governance API describe it: name, id, partition count and its configs (all of them, with defaults).</summary>
public sealed record TopicDescription(string Name, Guid TopicId, int PartitionCount, IReadOnlyList<ConfigEntry> Configs);
