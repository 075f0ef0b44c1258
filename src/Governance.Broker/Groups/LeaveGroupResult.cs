using Governance.Kafka.Protocol;

namespace Governance.Broker.Groups;

/// <summary>The LeaveGroup response: a group-level error and one error per leaving member.</summary>
public sealed record LeaveGroupResult(ErrorCode ErrorCode, IReadOnlyList<LeaveGroupMemberResult> Members);

/// <summary>The outcome for one leaving member.</summary>
public sealed record LeaveGroupMemberResult(string MemberId, string? GroupInstanceId, ErrorCode ErrorCode);
