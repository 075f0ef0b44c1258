using Governance.Kafka.Protocol;

namespace Governance.Broker.Groups;

/// <summary>The JoinGroup response: the generation, the chosen protocol, the leader, and for the leader every member's metadata.</summary>
/// <param name="MemberId">The member's id (also set with MEMBER_ID_REQUIRED, for the client to rejoin with).</param>
/// <param name="Members">Every member with its metadata when this member is the leader; empty for followers.</param>
public sealed record JoinGroupResult(
    ErrorCode ErrorCode,
    int GenerationId,
    string? ProtocolType,
    string? ProtocolName,
    string LeaderId,
    string MemberId,
    IReadOnlyList<JoinGroupMember> Members)
{
    public static JoinGroupResult Error(ErrorCode errorCode, string memberId = "") =>
        new(errorCode, -1, null, null, string.Empty, memberId, []);
}
