namespace Governance.Kafka.Protocol.Wire;

/// <summary>
/// Unsigned variable-length integers of compact lengths and tags (KIP-482, Type.java UNSIGNED_VARINT): 7 bits per
/// byte, least significant group first, high bit = "more follows". The zig-zag form that records use is in
/// <see cref="Records.ZigZagVarint"/>.
/// </summary>
public static class Varint
{
    /// <summary>Bytes an unsigned varint of this value takes.</summary>
    public static int SizeOfUnsigned(uint value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    /// <summary>Writes an unsigned varint; returns the number of bytes written.</summary>
    public static int WriteUnsigned(Span<byte> destination, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>Reads an unsigned 32-bit varint; at most 5 bytes. Returns false when the input ends first.</summary>
    public static bool TryReadUnsigned(ReadOnlySpan<byte> source, out uint value, out int length)
    {
        value = 0;
        for (var i = 0; i < 5 && i < source.Length; i++)
        {
            var b = source[i];
            if (i == 4 && b > 0x0F)
            {
                throw new KafkaProtocolException("unsigned varint does not fit in 32 bits");
            }
            value |= (uint)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                length = i + 1;
                return true;
            }
        }
        if (source.Length >= 5)
        {
            throw new KafkaProtocolException("unsigned varint longer than 5 bytes");
        }
        length = 0;
        return false;
    }
}
