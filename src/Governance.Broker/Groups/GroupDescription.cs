using Governance.Kafka.Protocol;

namespace Governance.Broker.Groups;

/// <summary>A group in DescribeGroups, plus the topics its members subscribed to (parsed from consumer protocol metadata).</summary>
/// <param name="State">Kafka's state name, "Dead" for a group that does not exist.</param>
/// <param name="ProtocolName">The chosen protocol (e.g. "range") once a generation exists, else empty.</param>
public sealed record GroupDescription(
    ErrorCode ErrorCode,
    string GroupId,
    string State,
    string ProtocolType,
    string ProtocolName,
    IReadOnlyList<GroupMemberDescription> Members,
    IReadOnlyList<string> SubscribedTopics);

/// <summary>A member in DescribeGroups: metadata for the chosen protocol and its current assignment.</summary>
public sealed record GroupMemberDescription(
    string MemberId,
    string? GroupInstanceId,
    string ClientId,
    string ClientHost,
    byte[] Metadata,
    byte[] Assignment)
{
    /// <summary>The assignment read as a consumer protocol assignment (empty for other protocol types).</summary>
    public IReadOnlyList<TopicAssignment> AssignedPartitions => ConsumerProtocol.ReadAssignment(Assignment);
}
