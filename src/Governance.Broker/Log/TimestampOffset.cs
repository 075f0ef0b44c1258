namespace Governance.Broker.Log;

/// <summary>An offset and the timestamp of the record there (ListOffsets by timestamp).</summary>
public readonly record struct TimestampOffset(long Timestamp, long Offset);
