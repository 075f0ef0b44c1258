namespace Governance.Kafka.Protocol.Wire;

/// <summary>
/// A tagged field (KIP-482) this codec keeps as raw bytes: tag number and value. Flexible structs end with
/// an unsigned-varint count of these, each written as tag, size, data, in ascending tag order.
/// </summary>
public sealed record TaggedField(uint Tag, byte[] Data);
