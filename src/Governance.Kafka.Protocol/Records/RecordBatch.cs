using System.Buffers.Binary;

namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// Checks, rewrites and reads RecordBatch v2 bytes (KIP-98; Kafka docs/implementation.html; DefaultRecordBatch.java).
/// The broker stores batches as the producer sent them: it only overwrites baseOffset and partitionLeaderEpoch, which lie
/// before the CRC-covered part, so the CRC stays valid.
/// </summary>
public static class RecordBatch
{
    /// <summary>
    /// Checks every batch of a produce request's records field, as Kafka's LogValidator does: the batches tile the buffer
    /// exactly, magic is 2, the CRC-32C over bytes 21.. matches, lastOffsetDelta is recordsCount - 1, there is at least one
    /// record, and no batch is a control batch (clients may not write those).
    /// </summary>
    /// <returns>The headers of the batches, in order.</returns>
    /// <exception cref="RecordBatchFormatException">Which batch (index and byte position) is wrong and why.</exception>
    public static IReadOnlyList<RecordBatchHeader> ValidateAll(ReadOnlySpan<byte> records)
    {
        var headers = new List<RecordBatchHeader>(1);
        var position = 0;
        while (position < records.Length)
        {
            var size = ReadTotalSize(records[position..], headers.Count, position);
            headers.Add(Validate(records.Slice(position, size), headers.Count, position));
            position += size;
        }

        if (headers.Count == 0)
        {
            throw new RecordBatchFormatException("The records hold no record batch.");
        }

        return headers;
    }

    /// <summary>
    /// The total size (batchLength + 12) of the batch starting at <paramref name="data"/>, checked against what is available.
    /// </summary>
    /// <exception cref="RecordBatchFormatException">The header is truncated or batchLength is out of range.</exception>
    public static int ReadTotalSize(ReadOnlySpan<byte> data, int batchIndex = 0, long position = 0)
    {
        if (data.Length < RecordBatchHeader.LogOverhead)
        {
            throw new RecordBatchFormatException(
                $"Record batch {batchIndex} at byte {position} is truncated: {data.Length} bytes left, fewer than the 12 of baseOffset and batchLength.");
        }

        var batchLength = BinaryPrimitives.ReadInt32BigEndian(data[RecordBatchHeader.BatchLengthPosition..]);
        if (batchLength < RecordBatchHeader.Size - RecordBatchHeader.LogOverhead)
        {
            throw new RecordBatchFormatException(
                $"Record batch {batchIndex} at byte {position} has batchLength {batchLength}, less than the {RecordBatchHeader.Size - RecordBatchHeader.LogOverhead} bytes of a v2 header.");
        }

        if (batchLength > data.Length - RecordBatchHeader.LogOverhead)
        {
            throw new RecordBatchFormatException(
                $"Record batch {batchIndex} at byte {position} is truncated: batchLength {batchLength} but only {data.Length - RecordBatchHeader.LogOverhead} bytes follow.");
        }

        return batchLength + RecordBatchHeader.LogOverhead;
    }

    /// <summary>Checks one whole batch (exactly its bytes); see <see cref="ValidateAll"/> for the rules.</summary>
    /// <exception cref="RecordBatchFormatException">What is wrong, naming the batch index and byte position.</exception>
    public static RecordBatchHeader Validate(ReadOnlySpan<byte> batch, int batchIndex = 0, long position = 0)
    {
        var size = ReadTotalSize(batch, batchIndex, position);
        if (size != batch.Length)
        {
            throw new RecordBatchFormatException(
                $"Record batch {batchIndex} at byte {position} has batchLength {size - RecordBatchHeader.LogOverhead} but spans {batch.Length - RecordBatchHeader.LogOverhead} bytes.");
        }

        var header = RecordBatchHeader.Read(batch);
        if (header.Magic != RecordBatchHeader.CurrentMagic)
        {
            throw new RecordBatchFormatException(
                $"Record batch {batchIndex} at byte {position} has magic {header.Magic}; only message format v2 (magic 2) is accepted.");
        }

        var crc = Crc32C.Compute(batch[RecordBatchHeader.AttributesPosition..]);
        if (crc != header.Crc)
        {
            throw new RecordBatchFormatException(
                $"Record batch {batchIndex} at byte {position} is corrupt: stored CRC 0x{header.Crc:X8}, computed 0x{crc:X8}.");
        }

        if (header.RecordCount < 1)
        {
            throw new RecordBatchFormatException($"Record batch {batchIndex} at byte {position} has recordsCount {header.RecordCount}; a batch must hold at least one record.");
        }

        if (header.LastOffsetDelta != header.RecordCount - 1)
        {
            throw new RecordBatchFormatException(
                $"Record batch {batchIndex} at byte {position} has lastOffsetDelta {header.LastOffsetDelta} but recordsCount {header.RecordCount} (expected lastOffsetDelta {header.RecordCount - 1}).");
        }

        if (header.IsControl)
        {
            throw new RecordBatchFormatException($"Record batch {batchIndex} at byte {position} is a control batch; clients may not write control records.");
        }

        if ((int)header.Compression > (int)CompressionCodec.Zstd)
        {
            throw new RecordBatchFormatException($"Record batch {batchIndex} at byte {position} names unknown compression codec {(int)header.Compression}.");
        }

        return header;
    }

    /// <summary>
    /// Sums recordsCount over the batches in <paramref name="batches"/> (a fetch answer's records, for activity counters);
    /// a truncated trailing batch is not counted.
    /// </summary>
    public static long CountRecords(ReadOnlySpan<byte> batches)
    {
        long count = 0;
        while (batches.Length >= RecordBatchHeader.Size)
        {
            var size = (long)BinaryPrimitives.ReadInt32BigEndian(batches[RecordBatchHeader.BatchLengthPosition..]) + RecordBatchHeader.LogOverhead;
            if (size < RecordBatchHeader.Size || size > batches.Length)
            {
                break;
            }

            count += BinaryPrimitives.ReadInt32BigEndian(batches[RecordBatchHeader.RecordCountPosition..]);
            batches = batches[(int)size..];
        }

        return count;
    }

    /// <summary>Overwrites baseOffset (bytes 0-7, outside the CRC) with the offset the broker assigns.</summary>
    public static void SetBaseOffset(Span<byte> batch, long baseOffset) =>
        BinaryPrimitives.WriteInt64BigEndian(batch[RecordBatchHeader.BaseOffsetPosition..], baseOffset);

    /// <summary>Overwrites partitionLeaderEpoch (bytes 12-15, outside the CRC).</summary>
    public static void SetPartitionLeaderEpoch(Span<byte> batch, int partitionLeaderEpoch) =>
        BinaryPrimitives.WriteInt32BigEndian(batch[RecordBatchHeader.PartitionLeaderEpochPosition..], partitionLeaderEpoch);

    /// <summary>
    /// For topics with message.timestamp.type=LogAppendTime: sets the timestamp-type attribute bit and maxTimestamp to the
    /// broker's time, then recomputes the CRC, as Kafka's LogValidator does (records keep their deltas; readers use maxTimestamp).
    /// </summary>
    public static void SetLogAppendTime(Span<byte> batch, long timestampMs)
    {
        var attributes = BinaryPrimitives.ReadInt16BigEndian(batch[RecordBatchHeader.AttributesPosition..]);
        BinaryPrimitives.WriteInt16BigEndian(batch[RecordBatchHeader.AttributesPosition..], (short)(attributes | 0x08));
        BinaryPrimitives.WriteInt64BigEndian(batch[RecordBatchHeader.MaxTimestampPosition..], timestampMs);
        BinaryPrimitives.WriteUInt32BigEndian(batch[RecordBatchHeader.CrcPosition..], Crc32C.Compute(batch[RecordBatchHeader.AttributesPosition..]));
    }

    /// <summary>
    /// The same batch with its records compressed by <paramref name="codec"/> instead (what Kafka's LogValidator does when a
    /// topic's compression.type differs from the producer's): every header field but the codec bits, batchLength and the
    /// CRC stays as it was.
    /// </summary>
    /// <exception cref="RecordBatchFormatException">The batch's own compression is not valid.</exception>
    public static byte[] Recompress(ReadOnlySpan<byte> batch, CompressionCodec codec)
    {
        var header = RecordBatchHeader.Read(batch);
        var body = batch[RecordBatchHeader.Size..header.TotalSize];
        var records = RecordCompression.Compress(codec, header.Compression == CompressionCodec.None
            ? body
            : RecordCompression.Decompress(header.Compression, body));
        var result = new byte[RecordBatchHeader.Size + records.Length];
        var span = result.AsSpan();
        batch[..RecordBatchHeader.Size].CopyTo(span);
        records.CopyTo(span[RecordBatchHeader.Size..]);
        BinaryPrimitives.WriteInt32BigEndian(span[RecordBatchHeader.BatchLengthPosition..], result.Length - RecordBatchHeader.LogOverhead);
        var attributes = BinaryPrimitives.ReadInt16BigEndian(span[RecordBatchHeader.AttributesPosition..]);
        BinaryPrimitives.WriteInt16BigEndian(span[RecordBatchHeader.AttributesPosition..], (short)((attributes & ~RecordBatchHeader.CompressionMask) | (int)codec));
        BinaryPrimitives.WriteUInt32BigEndian(span[RecordBatchHeader.CrcPosition..], Crc32C.Compute(span[RecordBatchHeader.AttributesPosition..]));
        return result;
    }

    /// <summary>
    /// Reads the records of one batch, decompressing them first when the batch is compressed (see <see cref="RecordCompression"/>).
    /// Key and value memories point into <paramref name="batch"/> (uncompressed) or into the decompressed copy.
    /// </summary>
    /// <exception cref="RecordBatchFormatException">A record is malformed: which record index, which field, which byte.</exception>
    public static IReadOnlyList<Record> ReadRecords(ReadOnlyMemory<byte> batch)
    {
        var header = RecordBatchHeader.Read(batch.Span);
        var body = batch[RecordBatchHeader.Size..header.TotalSize];
        if (header.Compression != CompressionCodec.None)
        {
            body = RecordCompression.Decompress(header.Compression, body.Span);
        }

        var records = new List<Record>(Math.Min(header.RecordCount, 4096));
        var position = 0;
        for (var index = 0; index < header.RecordCount; index++)
        {
            records.Add(ReadRecord(body, ref position, index));
        }

        if (position != body.Length)
        {
            throw new RecordBatchFormatException(
                $"The batch declares {header.RecordCount} records but {body.Length - position} bytes remain after the last one.");
        }

        return records;
    }

    // Record: length varint, attributes int8, timestampDelta varlong, offsetDelta varint, keyLength varint, key,
    // valueLength varint, value, headers count varint, then per header keyLength/key/valueLength/value (docs/implementation.html).
    private static Record ReadRecord(ReadOnlyMemory<byte> body, ref int position, int index)
    {
        var span = body.Span;
        var start = position;
        var length = ZigZagVarint.ReadInt32(span, ref position, $"record {index} length");
        if (length < 0 || length > span.Length - position)
        {
            throw new RecordBatchFormatException($"Record {index} at byte {start} has length {length} but {span.Length - position} bytes remain.");
        }

        var end = position + length;
        var recordSpan = span[..end];
        if (position >= end)
        {
            throw new RecordBatchFormatException($"Record {index} at byte {start} is empty; it needs at least its attributes.");
        }

        var attributes = (sbyte)recordSpan[position++];
        var timestampDelta = ZigZagVarint.ReadInt64(recordSpan, ref position, $"record {index} timestampDelta");
        var offsetDelta = ZigZagVarint.ReadInt32(recordSpan, ref position, $"record {index} offsetDelta");
        var key = ReadBytes(body[..end], ref position, $"record {index} key");
        var value = ReadBytes(body[..end], ref position, $"record {index} value");
        var headerCount = ZigZagVarint.ReadInt32(recordSpan, ref position, $"record {index} headers count");
        if (headerCount < 0 || headerCount > end - position)
        {
            throw new RecordBatchFormatException($"Record {index} declares {headerCount} headers, more than its remaining {end - position} bytes can hold.");
        }

        var headers = headerCount == 0 ? Array.Empty<RecordHeader>() : new RecordHeader[headerCount];
        for (var h = 0; h < headerCount; h++)
        {
            var headerKey = ReadBytes(body[..end], ref position, $"record {index} header {h} key")
                ?? throw new RecordBatchFormatException($"Record {index} header {h} has a null key.");
            var headerValue = ReadBytes(body[..end], ref position, $"record {index} header {h} value");
            headers[h] = new RecordHeader(System.Text.Encoding.UTF8.GetString(headerKey.Span), headerValue);
        }

        if (position != end)
        {
            throw new RecordBatchFormatException($"Record {index} at byte {start} declares length {length} but its fields take {position - (end - length)} bytes.");
        }

        return new Record(index, attributes, timestampDelta, offsetDelta, key, value, headers);
    }

    private static ReadOnlyMemory<byte>? ReadBytes(ReadOnlyMemory<byte> data, ref int position, string field)
    {
        var start = position;
        var length = ZigZagVarint.ReadInt32(data.Span, ref position, field + " length");
        if (length == -1)
        {
            return null;
        }

        if (length < -1 || length > data.Length - position)
        {
            throw new RecordBatchFormatException($"The {field} at byte {start} has length {length} but {data.Length - position} bytes remain in the record.");
        }

        var bytes = data.Slice(position, length);
        position += length;
        return bytes;
    }
}
