using System.Buffers.Binary;

namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// Kafka's snappy codec in both forms clients write: a raw snappy block (librdkafka), or the xerial framing of the Java
/// client's snappy-java SnappyOutputStream: the 8-byte magic 0x82 "SNAPPY" 0, two int32 versions (1 and 1), then blocks
/// of an int32 big-endian length and a raw snappy block. librdkafka and the Java client read both; this broker writes
/// the xerial form, as Kafka's broker does when it recompresses. The blocks themselves are Snappier's.
/// </summary>
internal static class XerialSnappy
{
    private const int HeaderSize = 16;

    /// <summary>snappy-java's default block size (32 KiB of uncompressed input per block).</summary>
    private const int BlockSize = 32 * 1024;

    private static ReadOnlySpan<byte> Magic => [0x82, (byte)'S', (byte)'N', (byte)'A', (byte)'P', (byte)'P', (byte)'Y', 0];

    public static byte[] Decompress(ReadOnlySpan<byte> compressed)
    {
        if (!compressed.StartsWith(Magic))
        {
            return DecompressBlock(compressed);
        }

        if (compressed.Length < HeaderSize)
        {
            throw new RecordBatchFormatException("The xerial snappy header is truncated.");
        }

        using var output = new MemoryStream();
        var position = HeaderSize;
        while (position < compressed.Length)
        {
            if (compressed.Length - position < 4)
            {
                throw new RecordBatchFormatException($"The xerial snappy block length at byte {position} is truncated.");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(compressed[position..]);
            position += 4;
            if (length < 0 || length > compressed.Length - position)
            {
                throw new RecordBatchFormatException($"The xerial snappy block at byte {position - 4} claims {length} bytes but {compressed.Length - position} remain.");
            }

            output.Write(DecompressBlock(compressed.Slice(position, length)));
            position += length;
        }

        return output.ToArray();
    }

    // A snappy element produces at most 64 bytes from 2 (a 2-byte-offset copy takes 3), so a block that declares more than
    // 32 times its own size is corrupt: refused before its output is allocated.
    private static byte[] DecompressBlock(ReadOnlySpan<byte> block)
    {
        var declared = Snappier.Snappy.GetUncompressedLength(block);
        if (declared > 32L * block.Length + 32)
        {
            throw new RecordBatchFormatException($"The snappy block declares {declared} uncompressed bytes, more than its {block.Length} bytes can hold.");
        }

        return Snappier.Snappy.DecompressToArray(block);
    }

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length / 2 + HeaderSize);
        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32BigEndian(header[8..], 1); // version
        BinaryPrimitives.WriteInt32BigEndian(header[12..], 1); // minimum compatible version
        output.Write(header);
        var block = new byte[Snappier.Snappy.GetMaxCompressedLength(BlockSize)];
        Span<byte> length = stackalloc byte[4];
        for (var position = 0; position < data.Length; position += BlockSize)
        {
            var size = Snappier.Snappy.Compress(data.Slice(position, Math.Min(BlockSize, data.Length - position)), block);
            BinaryPrimitives.WriteInt32BigEndian(length, size);
            output.Write(length);
            output.Write(block, 0, size);
        }

        return output.ToArray();
    }
}
