using Governance.Broker.Topics;

namespace Governance.Broker.Groups;

/// <summary>The LeaveGroup response: a group-level error and one error per leaving member.</summary>
public sealed record LeaveGroupResult(BrokerErrorCode ErrorCode, IReadOnlyList<LeaveGroupMemberResult> Members);

/// <summary>The outcome for one leaving member.</summary>
public sealed record LeaveGroupMemberResult(string MemberId, string? GroupInstanceId, BrokerErrorCode ErrorCode);
