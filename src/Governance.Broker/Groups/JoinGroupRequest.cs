namespace Governance.Broker.Groups;

/// <summary>A JoinGroup request in the coordinator's terms.</summary>
/// <param name="MemberId">Empty on a member's first join.</param>
/// <param name="GroupInstanceId">group.instance.id for static members (KIP-345, JoinGroup v5+), else null.</param>
/// <param name="RebalanceTimeoutMs">JoinGroup v1+; for v0 pass the session timeout, as Kafka does.</param>
/// <param name="RequireKnownMemberId">JoinGroup v4+ (KIP-394): a first join gets MEMBER_ID_REQUIRED with its new member id.</param>
public sealed record JoinGroupRequest(
    string GroupId,
    string MemberId,
    string? GroupInstanceId,
    string ClientId,
    string ClientHost,
    int SessionTimeoutMs,
    int RebalanceTimeoutMs,
    string ProtocolType,
    IReadOnlyList<GroupProtocol> Protocols,
    bool RequireKnownMemberId);
