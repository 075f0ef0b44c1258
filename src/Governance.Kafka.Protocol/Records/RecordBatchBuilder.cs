using System.Buffers.Binary;

namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// Builds a RecordBatch v2 the way a producer does (Kafka docs/implementation.html): records with timestamp and offset
/// deltas, optional compression of the records part (<see cref="RecordCompression"/>), producer id/epoch/sequence, CRC-32C over bytes 21...
/// Used by tests, benchmarks and tools.
/// </summary>
public sealed class RecordBatchBuilder
{
    private readonly MemoryStream _records = new();
    private readonly long _baseTimestamp;
    private long _maxTimestamp;
    private int _count;

    /// <param name="baseTimestamp">The first record's timestamp (ms since the epoch); others are stored as deltas from it.</param>
    public RecordBatchBuilder(long baseTimestamp)
    {
        _baseTimestamp = baseTimestamp;
        _maxTimestamp = baseTimestamp;
    }

    public int Count => _count;

    /// <summary>Adds a record; <see langword="null"/> key or value is written as length -1.</summary>
    public RecordBatchBuilder Add(byte[]? key, byte[]? value, long? timestamp = null, IReadOnlyList<RecordHeader>? headers = null)
    {
        var recordTimestamp = timestamp ?? _baseTimestamp;
        _maxTimestamp = Math.Max(_maxTimestamp, recordTimestamp);
        using var body = new MemoryStream();
        body.WriteByte(0); // attributes: unused in v2
        ZigZagVarint.Write(recordTimestamp - _baseTimestamp, body);
        ZigZagVarint.Write(_count, body);
        WriteBytes(key, body);
        WriteBytes(value, body);
        ZigZagVarint.Write(headers?.Count ?? 0, body);
        foreach (var header in headers ?? [])
        {
            WriteBytes(System.Text.Encoding.UTF8.GetBytes(header.Key), body);
            WriteBytes(header.Value?.ToArray(), body);
        }

        ZigZagVarint.Write(body.Length, _records);
        body.WriteTo(_records);
        _count++;
        return this;
    }

    /// <summary>The finished batch with baseOffset 0, as a producer sends it.</summary>
    public byte[] Build(long producerId = -1, short producerEpoch = -1, int baseSequence = -1, CompressionCodec compression = CompressionCodec.None)
    {
        var records = RecordCompression.Compress(compression, _records.GetBuffer().AsSpan(0, (int)_records.Length));
        var batch = new byte[RecordBatchHeader.Size + records.Length];
        var span = batch.AsSpan();
        BinaryPrimitives.WriteInt64BigEndian(span[RecordBatchHeader.BaseOffsetPosition..], 0);
        BinaryPrimitives.WriteInt32BigEndian(span[RecordBatchHeader.BatchLengthPosition..], batch.Length - RecordBatchHeader.LogOverhead);
        BinaryPrimitives.WriteInt32BigEndian(span[RecordBatchHeader.PartitionLeaderEpochPosition..], -1);
        span[RecordBatchHeader.MagicPosition] = (byte)RecordBatchHeader.CurrentMagic;
        BinaryPrimitives.WriteInt16BigEndian(span[RecordBatchHeader.AttributesPosition..], (short)compression);
        BinaryPrimitives.WriteInt32BigEndian(span[RecordBatchHeader.LastOffsetDeltaPosition..], _count - 1);
        BinaryPrimitives.WriteInt64BigEndian(span[RecordBatchHeader.BaseTimestampPosition..], _baseTimestamp);
        BinaryPrimitives.WriteInt64BigEndian(span[RecordBatchHeader.MaxTimestampPosition..], _maxTimestamp);
        BinaryPrimitives.WriteInt64BigEndian(span[RecordBatchHeader.ProducerIdPosition..], producerId);
        BinaryPrimitives.WriteInt16BigEndian(span[RecordBatchHeader.ProducerEpochPosition..], producerEpoch);
        BinaryPrimitives.WriteInt32BigEndian(span[RecordBatchHeader.BaseSequencePosition..], baseSequence);
        BinaryPrimitives.WriteInt32BigEndian(span[RecordBatchHeader.RecordCountPosition..], _count);
        records.CopyTo(span[RecordBatchHeader.Size..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[RecordBatchHeader.CrcPosition..], Crc32C.Compute(span[RecordBatchHeader.AttributesPosition..]));
        return batch;
    }

    private static void WriteBytes(byte[]? bytes, Stream destination)
    {
        if (bytes is null)
        {
            ZigZagVarint.Write(-1, destination);
            return;
        }

        ZigZagVarint.Write(bytes.Length, destination);
        destination.Write(bytes);
    }
}
