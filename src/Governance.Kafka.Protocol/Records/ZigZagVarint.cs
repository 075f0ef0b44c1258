namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// The zig-zag variable-length integers of records inside a batch (Kafka docs/implementation.html, "Record";
/// protobuf's encoding: (n &lt;&lt; 1) ^ (n &gt;&gt; 63), then 7 bits a byte, low bits first, high bit set while more follow).
/// </summary>
internal static class ZigZagVarint
{
    /// <summary>Reads a zig-zag varint of at most 10 bytes at <paramref name="position"/> and advances it.</summary>
    public static long ReadInt64(ReadOnlySpan<byte> data, ref int position, string field)
    {
        ulong raw = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new RecordBatchFormatException($"The varint '{field}' at byte {position} runs past the end of the records.");
            }

            var b = data[position++];
            raw |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (long)(raw >> 1) ^ -(long)(raw & 1);
            }
        }

        throw new RecordBatchFormatException($"The varint '{field}' ending at byte {position} is longer than 10 bytes.");
    }

    /// <summary>Reads a zig-zag varint that must fit an int32.</summary>
    public static int ReadInt32(ReadOnlySpan<byte> data, ref int position, string field)
    {
        var start = position;
        var value = ReadInt64(data, ref position, field);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw new RecordBatchFormatException($"The varint '{field}' at byte {start} is {value}, outside the int32 range.");
        }

        return (int)value;
    }

    /// <summary>Appends <paramref name="value"/> zig-zag encoded.</summary>
    public static void Write(long value, Stream destination)
    {
        var raw = (ulong)((value << 1) ^ (value >> 63));
        while (raw >= 0x80)
        {
            destination.WriteByte((byte)(raw | 0x80));
            raw >>= 7;
        }

        destination.WriteByte((byte)raw);
    }
}
