namespace Governance.Broker.Activity;

/// <summary>A topic's creation, deletion or configuration change.</summary>
/// <param name="PartitionCount">The partitions after the change (0 once deleted).</param>
/// <param name="Configs">The topic's configuration overrides after the change.</param>
public sealed record TopicActivityEvent(
    TopicActivityKind Kind,
    string Topic,
    int PartitionCount,
    IReadOnlyDictionary<string, string> Configs,
    DateTimeOffset At);

public enum TopicActivityKind
{
    Created,
    Deleted,
    ConfigChanged,
}
