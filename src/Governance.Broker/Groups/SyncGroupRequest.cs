namespace Governance.Broker.Groups;

/// <summary>A SyncGroup request: the leader's carries every member's assignment, followers' none.</summary>
/// <param name="ProtocolType">SyncGroup v5+; null when the request version does not carry it.</param>
/// <param name="ProtocolName">SyncGroup v5+; null when the request version does not carry it.</param>
public sealed record SyncGroupRequest(
    string GroupId,
    int GenerationId,
    string MemberId,
    string? GroupInstanceId,
    string? ProtocolType,
    string? ProtocolName,
    IReadOnlyList<MemberAssignment> Assignments);
