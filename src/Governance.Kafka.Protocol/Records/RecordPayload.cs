using System.Buffers.Binary;

namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// What the records of a batch carry, for activity counters: the sum of their key, value and header (key and value)
/// sizes, uncompressed, and the schema registry ids in the keys and values of the batch's first record when they are in
/// the Confluent wire format (magic byte 0, then a 4-byte big-endian id), with how many records carry the same id.
/// Reads the records in place without allocating (a compressed batch is decompressed once).
/// </summary>
/// <param name="KeySchemaId">The first record's key schema id, or -1.</param>
/// <param name="KeySchemaRecords">Records whose key carries <paramref name="KeySchemaId"/>.</param>
/// <param name="ValueSchemaId">The first record's value schema id, or -1.</param>
/// <param name="ValueSchemaRecords">Records whose value carries <paramref name="ValueSchemaId"/>.</param>
public readonly record struct RecordPayload(long Bytes, int KeySchemaId, int KeySchemaRecords, int ValueSchemaId, int ValueSchemaRecords)
{
    private const int WireHeaderSize = 5;

    /// <summary>Measures the records of one valid batch (as <see cref="RecordBatch.ValidateAll"/> accepted it).</summary>
    /// <exception cref="RecordBatchFormatException">A record is malformed or the batch cannot be decompressed.</exception>
    public static RecordPayload Measure(ReadOnlySpan<byte> batch)
    {
        var header = RecordBatchHeader.Read(batch);
        var body = batch[RecordBatchHeader.Size..header.TotalSize];
        return header.Compression == CompressionCodec.None
            ? Scan(body, header.RecordCount)
            : Scan(RecordCompression.Decompress(header.Compression, body), header.RecordCount);
    }

    // Record: length varint, attributes int8, timestampDelta varlong, offsetDelta varint, keyLength varint, key,
    // valueLength varint, value, headers count varint, then per header keyLength/key/valueLength/value.
    private static RecordPayload Scan(ReadOnlySpan<byte> body, int recordCount)
    {
        long bytes = 0;
        int keyId = -1, keyRecords = 0, valueId = -1, valueRecords = 0;
        var position = 0;
        for (var index = 0; index < recordCount && position < body.Length; index++)
        {
            var length = ZigZagVarint.ReadInt32(body, ref position, "record length");
            var end = position + length;
            position++; // attributes
            ZigZagVarint.ReadInt64(body, ref position, "timestampDelta");
            ZigZagVarint.ReadInt32(body, ref position, "offsetDelta");
            var key = ReadBytes(body, ref position, ref bytes);
            var value = ReadBytes(body, ref position, ref bytes);
            Tally(key, index, ref keyId, ref keyRecords);
            Tally(value, index, ref valueId, ref valueRecords);
            var headerCount = ZigZagVarint.ReadInt32(body, ref position, "headers count");
            for (var h = 0; h < headerCount; h++)
            {
                ReadBytes(body, ref position, ref bytes);
                ReadBytes(body, ref position, ref bytes);
            }

            position = end;
        }

        return new RecordPayload(bytes, keyId, keyRecords, valueId, valueRecords);
    }

    private static ReadOnlySpan<byte> ReadBytes(ReadOnlySpan<byte> body, ref int position, ref long bytes)
    {
        var length = ZigZagVarint.ReadInt32(body, ref position, "field length");
        if (length <= 0)
        {
            return [];
        }

        if (length > body.Length - position)
        {
            throw new RecordBatchFormatException($"A field at byte {position} has length {length} but {body.Length - position} bytes remain.");
        }

        bytes += length;
        var field = body.Slice(position, length);
        position += length;
        return field;
    }

    // The first record decides the id; later records count when they carry the same one.
    private static void Tally(ReadOnlySpan<byte> field, int index, ref int schemaId, ref int records)
    {
        if (field.Length < WireHeaderSize || field[0] != 0)
        {
            return;
        }

        var id = BinaryPrimitives.ReadInt32BigEndian(field[1..]);
        if (index == 0)
        {
            schemaId = id;
        }

        if (id == schemaId && schemaId >= 0)
        {
            records++;
        }
    }
}
