namespace Governance.Broker.Groups;

/// <summary>A member leaving (LeaveGroup v3+ batches several; v0-2 carry one member id).</summary>
public sealed record LeaveGroupMember(string MemberId, string? GroupInstanceId);
