namespace Governance.Schemas.Protobuf;

/// <summary>
/// The message-index array of Confluent's Protobuf wire format, written after the magic byte and schema id: a count,
/// then the indexes, each a zigzag varint (protobuf.dev "Encoding", sint32); the common <c>[0]</c> is written as the
/// single byte <c>0x00</c> (a count of zero), as in Confluent's MessageIndexes.
/// </summary>
public static class MessageIndexWireFormat
{
    public static byte[] Encode(IReadOnlyList<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        if (indexes.Count == 1 && indexes[0] == 0)
        {
            return [0];
        }

        var bytes = new List<byte>();
        WriteZigZag(bytes, indexes.Count);
        foreach (var index in indexes)
        {
            WriteZigZag(bytes, index);
        }

        return [.. bytes];
    }

    /// <summary>Reads the indexes at the start of <paramref name="payload"/>; <paramref name="consumed"/> is how many bytes they took.</summary>
    /// <exception cref="FormatException">The bytes end inside a varint, or the count is negative.</exception>
    public static IReadOnlyList<int> Decode(ReadOnlySpan<byte> payload, out int consumed)
    {
        consumed = 0;
        var count = ReadZigZag(payload, ref consumed);
        if (count == 0)
        {
            return [0];
        }

        if (count < 0 || count > payload.Length)
        {
            throw new FormatException($"message index count {count} is invalid");
        }

        var indexes = new int[count];
        for (var i = 0; i < count; i++)
        {
            indexes[i] = ReadZigZag(payload, ref consumed);
        }

        return indexes;
    }

    private static void WriteZigZag(List<byte> bytes, int value)
    {
        var encoded = (uint)((value << 1) ^ (value >> 31));
        while (encoded >= 0x80)
        {
            bytes.Add((byte)(encoded | 0x80));
            encoded >>= 7;
        }

        bytes.Add((byte)encoded);
    }

    private static int ReadZigZag(ReadOnlySpan<byte> payload, ref int position)
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= payload.Length)
            {
                throw new FormatException("message indexes end inside a varint");
            }

            var b = payload[position++];
            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (int)(result >> 1) ^ -(int)(result & 1);
            }
        }

        throw new FormatException("message index varint is longer than 5 bytes");
    }
}
