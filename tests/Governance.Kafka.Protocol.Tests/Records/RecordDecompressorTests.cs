using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Governance.Kafka.Protocol.Records;
using Shouldly;
using Xunit;

namespace Governance.Kafka.Protocol.Tests.Records;

public sealed class RecordDecompressorTests
{
    [Theory]
    [InlineData(CompressionCodec.Lz4)]
    [InlineData(CompressionCodec.Zstd)]
    [InlineData(CompressionCodec.Snappy)]
    [InlineData(CompressionCodec.Gzip)]
    public void Compressed_batches_read_back_record_by_record(CompressionCodec codec)
    {
        var plain = RecordBatchTests.NewBatch(200);

        var compressed = Recompress(plain, codec);

        RecordBatch.Validate(compressed).Compression.ShouldBe(codec);
        var records = RecordBatch.ReadRecords(compressed);
        records.Count.ShouldBe(200);
        Encoding.UTF8.GetString(records[199].Value!.Value.Span).ShouldBe("value-199");
    }

    [Theory]
    [InlineData(CompressionCodec.Lz4, "LZ4")]
    [InlineData(CompressionCodec.Zstd, "zstd")]
    [InlineData(CompressionCodec.Snappy, "snappy")]
    public void Garbage_in_a_compressed_batch_is_a_clear_error(CompressionCodec codec, string named)
    {
        var error = Should.Throw<RecordBatchFormatException>(() => RecordDecompressor.Decompress(codec, [0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0, 0x11]));

        error.Message.ShouldContain(named);
    }

    [Fact]
    public void A_truncated_zstd_frame_is_refused()
    {
        var frame = NativeCompression.Zstd(new byte[5000]);

        Should.Throw<RecordBatchFormatException>(() => RecordDecompressor.Decompress(CompressionCodec.Zstd, frame.AsSpan(0, frame.Length - 3))).Message.ShouldContain("zstd");
    }

    [Fact]
    public void Snappy_copies_repeat_earlier_output_including_overlapping_ones()
    {
        // "abc" as a literal, then a 1-byte-offset copy of length 6 reaching back 3: "abcabcabc" (format_description.txt).
        byte[] raw = [9, 0b0000_1000, (byte)'a', (byte)'b', (byte)'c', 0b0000_1001, 3];

        Encoding.ASCII.GetString(RecordDecompressor.Decompress(CompressionCodec.Snappy, raw)).ShouldBe("abcabcabc");
    }

    [Fact]
    public void Xerial_framed_snappy_is_read_block_by_block()
    {
        byte[] block = [3, 0b0000_1000, (byte)'x', (byte)'y', (byte)'z'];
        byte[] header = [0x82, (byte)'S', (byte)'N', (byte)'A', (byte)'P', (byte)'P', (byte)'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1];
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, block.Length);

        var result = RecordDecompressor.Decompress(CompressionCodec.Snappy, [.. header, .. length, .. block, .. length, .. block]);

        Encoding.ASCII.GetString(result).ShouldBe("xyzxyz");
    }

    [Fact]
    public void A_snappy_copy_reaching_before_the_start_is_refused()
    {
        byte[] raw = [6, 0b0000_0000, (byte)'a', 0b0000_0101, 9];

        Should.Throw<RecordBatchFormatException>(() => RecordDecompressor.Decompress(CompressionCodec.Snappy, raw)).Message.ShouldContain("refers 9 bytes back");
    }

    /// <summary>Replaces an uncompressed batch's records with their compressed form, as a producer writes it.</summary>
    private static byte[] Recompress(byte[] plain, CompressionCodec codec)
    {
        var records = plain.AsSpan(RecordBatchHeader.Size).ToArray();
        var compressed = codec switch
        {
            CompressionCodec.Lz4 => NativeCompression.Lz4Frame(records),
            CompressionCodec.Zstd => NativeCompression.Zstd(records),
            CompressionCodec.Snappy => SnappyLiterals(records),
            _ => Gzip(records),
        };
        var batch = new byte[RecordBatchHeader.Size + compressed.Length];
        plain.AsSpan(0, RecordBatchHeader.Size).CopyTo(batch);
        compressed.CopyTo(batch, RecordBatchHeader.Size);
        BinaryPrimitives.WriteInt32BigEndian(batch.AsSpan(RecordBatchHeader.BatchLengthPosition), batch.Length - RecordBatchHeader.LogOverhead);
        BinaryPrimitives.WriteInt16BigEndian(batch.AsSpan(RecordBatchHeader.AttributesPosition), (short)codec);
        BinaryPrimitives.WriteUInt32BigEndian(batch.AsSpan(RecordBatchHeader.CrcPosition), Crc32C.Compute(batch.AsSpan(RecordBatchHeader.AttributesPosition)));
        return batch;
    }

    // A valid raw snappy block made of literals only (tag 60 + one length byte, up to 256 bytes each).
    private static byte[] SnappyLiterals(byte[] data)
    {
        using var output = new MemoryStream();
        var length = (uint)data.Length;
        while (length >= 0x80)
        {
            output.WriteByte((byte)(length | 0x80));
            length >>= 7;
        }

        output.WriteByte((byte)length);
        for (var position = 0; position < data.Length; position += 256)
        {
            var chunk = Math.Min(256, data.Length - position);
            output.WriteByte(60 << 2);
            output.WriteByte((byte)(chunk - 1));
            output.Write(data, position, chunk);
        }

        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>The compressors of the same native libraries, to make test data the way producers do.</summary>
    private static class NativeCompression
    {
        public static byte[] Lz4Frame(byte[] data)
        {
            var output = new byte[(int)Lz4FCompressFrameBound((nuint)data.Length, IntPtr.Zero)];
            var size = Lz4FCompressFrame(ref output[0], (nuint)output.Length, ref data[0], (nuint)data.Length, IntPtr.Zero);
            return output[..(int)size];
        }

        public static byte[] Zstd(byte[] data)
        {
            var output = new byte[(int)ZstdCompressBound((nuint)data.Length)];
            var size = ZstdCompress(ref output[0], (nuint)output.Length, ref data[0], (nuint)data.Length, 3);
            return output[..(int)size];
        }

        [DllImport("liblz4.so.1", EntryPoint = "LZ4F_compressFrameBound")]
        private static extern nuint Lz4FCompressFrameBound(nuint sourceSize, IntPtr preferences);

        [DllImport("liblz4.so.1", EntryPoint = "LZ4F_compressFrame")]
        private static extern nuint Lz4FCompressFrame(ref byte destination, nuint capacity, ref byte source, nuint sourceSize, IntPtr preferences);

        [DllImport("libzstd.so.1", EntryPoint = "ZSTD_compressBound")]
        private static extern nuint ZstdCompressBound(nuint sourceSize);

        [DllImport("libzstd.so.1", EntryPoint = "ZSTD_compress")]
        private static extern nuint ZstdCompress(ref byte destination, nuint capacity, ref byte source, nuint sourceSize, int level);
    }
}
