using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of RecordBatch v2 (KIP-98). Hardware accelerated through
/// <see cref="BitOperations.Crc32C(uint, ulong)"/>: start at 0xFFFFFFFF, invert at the end ("123456789" gives 0xE3069283).
/// <para>
/// The CRC instruction takes three cycles but can start one every cycle, so a single chain of it runs at a third of
/// its speed. Large inputs are therefore checked as three interleaved streams of <see cref="StreamBytes"/> bytes each,
/// whose registers are then joined: a register that has seen more bytes after it is "shifted" by them, which is
/// linear in the register, so four tables of 256 entries (built once by running the instruction over zeros) do it.
/// </para>
/// </summary>
public static class Crc32C
{
    /// <summary>Bytes each of the three streams covers per step.</summary>
    private const int StreamBytes = 1024;

    /// <summary>What <see cref="StreamBytes"/> zero bytes do to a register, byte by byte of the register.</summary>
    private static readonly uint[][] ShiftTables = BuildShiftTables();

    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        if (BitConverter.IsLittleEndian)
        {
            var words = MemoryMarshal.Cast<byte, ulong>(data);
            const int WordsPerStream = StreamBytes / sizeof(ulong);
            var word = 0;
            for (; word + (3 * WordsPerStream) <= words.Length; word += 3 * WordsPerStream)
            {
                uint second = 0, third = 0;
                for (var i = word; i < word + WordsPerStream; i++)
                {
                    crc = BitOperations.Crc32C(crc, words[i]);
                    second = BitOperations.Crc32C(second, words[i + WordsPerStream]);
                    third = BitOperations.Crc32C(third, words[i + (2 * WordsPerStream)]);
                }
                crc = Shift(Shift(crc) ^ second) ^ third;
            }
            data = data[(word * sizeof(ulong))..];
        }

        return ~Serial(crc, data);
    }

    private static uint Serial(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }

    /// <summary>The register after <see cref="StreamBytes"/> more zero bytes.</summary>
    private static uint Shift(uint crc) =>
        ShiftTables[0][crc & 0xFF] ^ ShiftTables[1][(crc >> 8) & 0xFF] ^ ShiftTables[2][(crc >> 16) & 0xFF] ^ ShiftTables[3][crc >> 24];

    private static uint[][] BuildShiftTables()
    {
        var zeros = new byte[StreamBytes];
        var tables = new uint[4][];
        for (var table = 0; table < 4; table++)
        {
            tables[table] = new uint[256];
            for (var value = 0u; value < 256; value++)
            {
                tables[table][value] = Serial(value << (8 * table), zeros);
            }
        }
        return tables;
    }
}
