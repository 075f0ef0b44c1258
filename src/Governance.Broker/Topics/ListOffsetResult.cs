using Governance.Kafka.Protocol;

namespace Governance.Broker.Topics;

/// <summary>The ListOffsets answer for one partition: an offset and the timestamp of the record there (-1 when not applicable).</summary>
public readonly record struct ListOffsetResult(ErrorCode ErrorCode, long Timestamp, long Offset);
