using System.Buffers.Binary;

namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// Snappy decompression in managed code (google/snappy format_description.txt), for both forms Kafka clients write:
/// raw snappy, and the xerial framing of the Java client (magic 0x82 "SNAPPY" 0, two int32 versions, then blocks of an
/// int32 big-endian length and a raw snappy block), which librdkafka also reads and writes.
/// </summary>
internal static class Snappy
{
    private static ReadOnlySpan<byte> XerialMagic => [0x82, (byte)'S', (byte)'N', (byte)'A', (byte)'P', (byte)'P', (byte)'Y', 0];

    private const int XerialHeaderSize = 16;

    public static byte[] Decompress(ReadOnlySpan<byte> compressed)
    {
        if (!compressed.StartsWith(XerialMagic))
        {
            return DecompressBlock(compressed);
        }

        if (compressed.Length < XerialHeaderSize)
        {
            throw new RecordBatchFormatException("The xerial snappy header is truncated.");
        }

        using var output = new MemoryStream();
        var position = XerialHeaderSize;
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

    // A raw block: the uncompressed length as an unsigned varint, then literals and back-references (copies).
    private static byte[] DecompressBlock(ReadOnlySpan<byte> block)
    {
        var position = 0;
        ulong declared = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (position >= block.Length || shift > 28)
            {
                throw new RecordBatchFormatException("The snappy block's uncompressed length is malformed.");
            }

            var b = block[position++];
            declared |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        if (declared > int.MaxValue / 2)
        {
            throw new RecordBatchFormatException($"The snappy block declares {declared} uncompressed bytes, more than a batch can hold.");
        }

        var output = new byte[declared];
        var written = 0;
        while (position < block.Length)
        {
            var tag = block[position++];
            int length;
            int offset;
            switch (tag & 0x03)
            {
                case 0: // literal: length - 1 in the upper 6 bits, or in 1-4 following bytes (60-63)
                    length = tag >> 2;
                    if (length >= 60)
                    {
                        var extra = length - 59;
                        Need(block, position, extra);
                        length = 0;
                        for (var i = 0; i < extra; i++)
                        {
                            length |= block[position + i] << (8 * i);
                        }

                        position += extra;
                    }

                    length++;
                    Need(block, position, length);
                    if (length > output.Length - written)
                    {
                        throw Overrun(written);
                    }

                    block.Slice(position, length).CopyTo(output.AsSpan(written));
                    position += length;
                    written += length;
                    continue;
                case 1: // copy, 1-byte offset: length 4-11 in bits 2-4, offset's high 3 bits in bits 5-7
                    Need(block, position, 1);
                    length = 4 + ((tag >> 2) & 0x07);
                    offset = ((tag >> 5) << 8) | block[position++];
                    break;
                case 2: // copy, 2-byte little-endian offset
                    Need(block, position, 2);
                    length = (tag >> 2) + 1;
                    offset = BinaryPrimitives.ReadUInt16LittleEndian(block[position..]);
                    position += 2;
                    break;
                default: // copy, 4-byte little-endian offset
                    Need(block, position, 4);
                    length = (tag >> 2) + 1;
                    offset = BinaryPrimitives.ReadInt32LittleEndian(block[position..]);
                    position += 4;
                    break;
            }

            if (offset <= 0 || offset > written)
            {
                throw new RecordBatchFormatException($"A snappy copy at output byte {written} refers {offset} bytes back, outside the output.");
            }

            if (length > output.Length - written)
            {
                throw Overrun(written);
            }

            // Byte by byte: a copy may overlap the bytes it produces (offset < length repeats a pattern).
            for (var i = 0; i < length; i++)
            {
                output[written + i] = output[written - offset + i];
            }

            written += length;
        }

        if (written != output.Length)
        {
            throw new RecordBatchFormatException($"The snappy block declares {output.Length} uncompressed bytes but holds {written}.");
        }

        return output;
    }

    private static void Need(ReadOnlySpan<byte> block, int position, int count)
    {
        if (count > block.Length - position)
        {
            throw new RecordBatchFormatException($"The snappy block is truncated at byte {position}.");
        }
    }

    private static RecordBatchFormatException Overrun(int written) =>
        new($"The snappy block writes past its declared uncompressed length at output byte {written}.");
}
