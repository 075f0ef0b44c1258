namespace Governance.Broker.Activity;

/// <summary>A change of a consumer group's membership.</summary>
/// <param name="MemberId">The member id (empty for a first JoinGroup, before the coordinator assigned one).</param>
/// <param name="ClientHost">As DescribeGroups reports it ("/127.0.0.1").</param>
/// <param name="Topics">Joined: the topics of the member's subscription. Assigned: the topics of its assignment. Left: empty.</param>
/// <param name="Partitions">Assigned: the partitions assigned to the member, per topic. Otherwise empty.</param>
public sealed record GroupActivityEvent(
    GroupActivityKind Kind,
    string Group,
    string MemberId,
    string ClientId,
    string ClientHost,
    IReadOnlyList<string> Topics,
    IReadOnlyDictionary<string, IReadOnlyList<int>> Partitions,
    DateTimeOffset At);

public enum GroupActivityKind
{
    Joined,
    Assigned,
    Left,
}
