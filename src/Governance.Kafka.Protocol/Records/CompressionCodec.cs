namespace Governance.Kafka.Protocol.Records;

/// <summary>The compression codec in bits 0-2 of a RecordBatch v2's attributes (Kafka docs/implementation.html, "Record Batch").</summary>
public enum CompressionCodec
{
    None = 0,
    Gzip = 1,
    Snappy = 2,
    Lz4 = 3,
    Zstd = 4,
}
