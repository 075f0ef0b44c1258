namespace Governance.Broker.Groups;

/// <summary>The leader's assignment for one member in SyncGroup (for consumers a ConsumerProtocolAssignment).</summary>
public sealed record MemberAssignment(string MemberId, byte[] Assignment);
