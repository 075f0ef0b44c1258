using System.Buffers.Binary;
using System.Numerics;

namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of RecordBatch v2 (KIP-98). Hardware accelerated through
/// <see cref="BitOperations.Crc32C(uint, ulong)"/>: start at 0xFFFFFFFF, invert at the end ("123456789" gives 0xE3069283).
/// </summary>
public static class Crc32C
{
    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
