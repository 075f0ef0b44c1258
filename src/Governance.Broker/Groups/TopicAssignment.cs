namespace Governance.Broker.Groups;

/// <summary>The partitions of one topic a consumer group member is assigned.</summary>
public sealed record TopicAssignment(string Topic, IReadOnlyList<int> Partitions);
