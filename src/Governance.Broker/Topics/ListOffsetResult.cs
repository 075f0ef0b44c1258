namespace Governance.Broker.Topics;

/// <summary>The ListOffsets answer for one partition: an offset and the timestamp of the record there (-1 when not applicable).</summary>
public readonly record struct ListOffsetResult(BrokerErrorCode ErrorCode, long Timestamp, long Offset);
