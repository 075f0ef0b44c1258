namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// One record of a RecordBatch v2 (Kafka docs/implementation.html, "Record"): attributes, timestamp and offset deltas
/// from the batch's base, key, value and headers. A null key or value (length -1 on the wire) is <see langword="null"/>.
/// </summary>
/// <param name="Index">The record's position in its batch, from 0.</param>
public readonly record struct Record(
    int Index,
    sbyte Attributes,
    long TimestampDelta,
    int OffsetDelta,
    ReadOnlyMemory<byte>? Key,
    ReadOnlyMemory<byte>? Value,
    IReadOnlyList<RecordHeader> Headers);
