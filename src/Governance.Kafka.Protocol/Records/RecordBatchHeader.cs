using System.Buffers.Binary;

namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// The 61-byte header of a RecordBatch v2 (Kafka docs/implementation.html, "Record Batch"; DefaultRecordBatch.java).
/// All integers are big-endian.
/// </summary>
/// <remarks>
/// Layout (byte offsets): baseOffset int64 @0, batchLength int32 @8 (bytes after this field), partitionLeaderEpoch int32 @12,
/// magic int8 @16, crc uint32 @17 (CRC-32C of bytes 21..end), attributes int16 @21, lastOffsetDelta int32 @23,
/// baseTimestamp int64 @27, maxTimestamp int64 @35, producerId int64 @43, producerEpoch int16 @51, baseSequence int32 @53,
/// recordsCount int32 @57, records @61.
/// </remarks>
public readonly record struct RecordBatchHeader(
    long BaseOffset,
    int BatchLength,
    int PartitionLeaderEpoch,
    sbyte Magic,
    uint Crc,
    short Attributes,
    int LastOffsetDelta,
    long BaseTimestamp,
    long MaxTimestamp,
    long ProducerId,
    short ProducerEpoch,
    int BaseSequence,
    int RecordCount)
{
    /// <summary>Size of the fixed header, up to and including recordsCount.</summary>
    public const int Size = 61;

    /// <summary>baseOffset and batchLength: the bytes before what batchLength counts.</summary>
    public const int LogOverhead = 12;

    public const int BaseOffsetPosition = 0;
    public const int BatchLengthPosition = 8;
    public const int PartitionLeaderEpochPosition = 12;
    public const int MagicPosition = 16;
    public const int CrcPosition = 17;

    /// <summary>The CRC covers the batch from the attributes to its end.</summary>
    public const int AttributesPosition = 21;
    public const int LastOffsetDeltaPosition = 23;
    public const int BaseTimestampPosition = 27;
    public const int MaxTimestampPosition = 35;
    public const int ProducerIdPosition = 43;
    public const int ProducerEpochPosition = 51;
    public const int BaseSequencePosition = 53;
    public const int RecordCountPosition = 57;

    /// <summary>The only batch format this broker stores (KIP-98 message format v2).</summary>
    public const sbyte CurrentMagic = 2;

    internal const short CompressionMask = 0x07;
    private const short TimestampTypeBit = 0x08;
    private const short TransactionalBit = 0x10;
    private const short ControlBit = 0x20;

    /// <summary>The whole batch's size on disk and on the wire: batchLength plus the 12 bytes before it.</summary>
    public int TotalSize => BatchLength + LogOverhead;

    /// <summary>The offset of the batch's last record.</summary>
    public long LastOffset => BaseOffset + LastOffsetDelta;

    public CompressionCodec Compression => (CompressionCodec)(Attributes & CompressionMask);

    /// <summary>Attribute bit 3: the timestamps are the broker's append time (LogAppendTime) rather than the producer's.</summary>
    public bool IsLogAppendTime => (Attributes & TimestampTypeBit) != 0;

    public bool IsTransactional => (Attributes & TransactionalBit) != 0;

    public bool IsControl => (Attributes & ControlBit) != 0;

    /// <summary>An idempotent or transactional producer wrote this batch (producerId is not -1).</summary>
    public bool HasProducerId => ProducerId >= 0;

    /// <summary>The sequence number of the batch's last record, wrapping at int32 as Kafka does (DefaultRecordBatch.incrementSequence).</summary>
    public int LastSequence => BaseSequence < 0 ? -1 : (int)((BaseSequence + (long)LastOffsetDelta) % ((long)int.MaxValue + 1));

    /// <summary>Reads the header fields without checking them; <paramref name="batch"/> must hold at least <see cref="Size"/> bytes.</summary>
    /// <exception cref="RecordBatchFormatException">Fewer than <see cref="Size"/> bytes.</exception>
    public static RecordBatchHeader Read(ReadOnlySpan<byte> batch)
    {
        if (batch.Length < Size)
        {
            throw new RecordBatchFormatException($"A record batch header needs {Size} bytes but only {batch.Length} are left.");
        }

        return new RecordBatchHeader(
            BinaryPrimitives.ReadInt64BigEndian(batch[BaseOffsetPosition..]),
            BinaryPrimitives.ReadInt32BigEndian(batch[BatchLengthPosition..]),
            BinaryPrimitives.ReadInt32BigEndian(batch[PartitionLeaderEpochPosition..]),
            (sbyte)batch[MagicPosition],
            BinaryPrimitives.ReadUInt32BigEndian(batch[CrcPosition..]),
            BinaryPrimitives.ReadInt16BigEndian(batch[AttributesPosition..]),
            BinaryPrimitives.ReadInt32BigEndian(batch[LastOffsetDeltaPosition..]),
            BinaryPrimitives.ReadInt64BigEndian(batch[BaseTimestampPosition..]),
            BinaryPrimitives.ReadInt64BigEndian(batch[MaxTimestampPosition..]),
            BinaryPrimitives.ReadInt64BigEndian(batch[ProducerIdPosition..]),
            BinaryPrimitives.ReadInt16BigEndian(batch[ProducerEpochPosition..]),
            BinaryPrimitives.ReadInt32BigEndian(batch[BaseSequencePosition..]),
            BinaryPrimitives.ReadInt32BigEndian(batch[RecordCountPosition..]));
    }
}
