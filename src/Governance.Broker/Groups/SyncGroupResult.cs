using Governance.Kafka.Protocol;

namespace Governance.Broker.Groups;

/// <summary>The SyncGroup response: this member's assignment from the leader.</summary>
public sealed record SyncGroupResult(ErrorCode ErrorCode, string? ProtocolType, string? ProtocolName, byte[] Assignment)
{
    public static SyncGroupResult Error(ErrorCode errorCode) => new(errorCode, null, null, []);
}
