using Governance.Broker.Topics;

namespace Governance.Broker.Groups;

/// <summary>The SyncGroup response: this member's assignment from the leader.</summary>
public sealed record SyncGroupResult(BrokerErrorCode ErrorCode, string? ProtocolType, string? ProtocolName, byte[] Assignment)
{
    public static SyncGroupResult Error(BrokerErrorCode errorCode) => new(errorCode, null, null, []);
}
