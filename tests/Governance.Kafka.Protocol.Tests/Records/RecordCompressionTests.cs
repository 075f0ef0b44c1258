using System.Buffers.Binary;
using System.Text;
using Governance.Kafka.Protocol.Records;
using Shouldly;
using Xunit;

namespace Governance.Kafka.Protocol.Tests.Records;

public sealed class RecordCompressionTests
{
    public static TheoryData<CompressionCodec> Codecs => [CompressionCodec.Gzip, CompressionCodec.Snappy, CompressionCodec.Lz4, CompressionCodec.Zstd];

    public static TheoryData<CompressionCodec, CompressionCodec> CodecPairs
    {
        get
        {
            var pairs = new TheoryData<CompressionCodec, CompressionCodec>();
            CompressionCodec[] all = [CompressionCodec.None, .. Codecs.Select(c => c.Data)];
            foreach (var from in all)
            {
                foreach (var to in all.Where(to => to != from))
                {
                    pairs.Add(from, to);
                }
            }

            return pairs;
        }
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Compressed_batches_read_back_record_by_record(CompressionCodec codec)
    {
        var compressed = NewBatch(200, codec);

        RecordBatch.Validate(compressed).Compression.ShouldBe(codec);
        var records = RecordBatch.ReadRecords(compressed);
        records.Count.ShouldBe(200);
        Encoding.UTF8.GetString(records[199].Value!.Value.Span).ShouldBe("value-199");
        compressed.Length.ShouldBeLessThan(NewBatch(200, CompressionCodec.None).Length);
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Large_inputs_spanning_many_blocks_round_trip(CompressionCodec codec)
    {
        var data = new byte[300_000];
        new Random(11).NextBytes(data.AsSpan(0, 150_000)); // half noise, half zeros: incompressible and compressible blocks

        RecordCompression.Decompress(codec, RecordCompression.Compress(codec, data)).ShouldBe(data);
    }

    [Theory]
    [MemberData(nameof(CodecPairs))]
    public void Recompressing_keeps_every_record_and_header_field(CompressionCodec from, CompressionCodec to)
    {
        var original = NewBatch(50, from);

        var recompressed = RecordBatch.Recompress(original, to);

        var header = RecordBatch.Validate(recompressed);
        header.Compression.ShouldBe(to);
        var before = RecordBatchHeader.Read(original);
        (header.ProducerId, header.BaseSequence, header.MaxTimestamp, header.RecordCount).ShouldBe((before.ProducerId, before.BaseSequence, before.MaxTimestamp, before.RecordCount));
        RecordBatch.ReadRecords(recompressed).Select(r => Encoding.UTF8.GetString(r.Value!.Value.Span))
            .ShouldBe(RecordBatch.ReadRecords(original).Select(r => Encoding.UTF8.GetString(r.Value!.Value.Span)));
    }

    [Fact]
    public void Lz4_is_written_as_Kafka_reads_it_one_frame_of_independent_blocks()
    {
        var frame = RecordCompression.Compress(CompressionCodec.Lz4, new byte[100_000]);

        BinaryPrimitives.ReadUInt32LittleEndian(frame).ShouldBe(0x184D2204u); // LZ4 frame magic
        var flags = frame[4];
        (flags >> 6).ShouldBe(1, "frame version 01");
        (flags & 0x20).ShouldBe(0x20, "block independence");
        (flags & 0x08).ShouldBe(0, "no content size");
        ((frame[5] >> 4) & 0x07).ShouldBe(4, "64 KiB blocks");
    }

    [Fact]
    public void Snappy_is_written_in_the_xerial_framing_of_the_Java_client()
    {
        var compressed = RecordCompression.Compress(CompressionCodec.Snappy, new byte[100_000]);

        compressed.AsSpan(0, 8).ToArray().ShouldBe([0x82, (byte)'S', (byte)'N', (byte)'A', (byte)'P', (byte)'P', (byte)'Y', 0]);
        BinaryPrimitives.ReadInt32BigEndian(compressed.AsSpan(8)).ShouldBe(1);
        BinaryPrimitives.ReadInt32BigEndian(compressed.AsSpan(12)).ShouldBe(1);
    }

    [Fact]
    public void Raw_snappy_as_librdkafka_writes_it_is_read()
    {
        // "abc" as a literal, then a 1-byte-offset copy of length 6 reaching back 3: "abcabcabc" (format_description.txt).
        byte[] raw = [9, 0b0000_1000, (byte)'a', (byte)'b', (byte)'c', 0b0000_1001, 3];

        Encoding.ASCII.GetString(RecordCompression.Decompress(CompressionCodec.Snappy, raw)).ShouldBe("abcabcabc");
    }

    [Fact]
    public void Xerial_framed_snappy_is_read_block_by_block()
    {
        byte[] block = [3, 0b0000_1000, (byte)'x', (byte)'y', (byte)'z'];
        byte[] header = [0x82, (byte)'S', (byte)'N', (byte)'A', (byte)'P', (byte)'P', (byte)'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1];
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, block.Length);

        var result = RecordCompression.Decompress(CompressionCodec.Snappy, [.. header, .. length, .. block, .. length, .. block]);

        Encoding.ASCII.GetString(result).ShouldBe("xyzxyz");
    }

    [Fact]
    public void A_xerial_block_longer_than_what_remains_is_refused()
    {
        byte[] header = [0x82, (byte)'S', (byte)'N', (byte)'A', (byte)'P', (byte)'P', (byte)'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1];

        Should.Throw<RecordBatchFormatException>(() => RecordCompression.Decompress(CompressionCodec.Snappy, [.. header, 0, 0, 0, 40, 1, 2]))
            .Message.ShouldContain("claims 40 bytes but 2 remain");
    }

    [Fact]
    public void A_snappy_copy_reaching_before_the_start_is_refused()
    {
        byte[] raw = [6, 0b0000_0000, (byte)'a', 0b0000_0101, 9];

        Should.Throw<RecordBatchFormatException>(() => RecordCompression.Decompress(CompressionCodec.Snappy, raw)).Message.ShouldContain("snappy");
    }

    [Theory]
    [InlineData(CompressionCodec.Lz4, "lz4")]
    [InlineData(CompressionCodec.Zstd, "zstd")]
    [InlineData(CompressionCodec.Snappy, "snappy")]
    [InlineData(CompressionCodec.Gzip, "gzip")]
    public void Garbage_in_a_compressed_batch_is_a_clear_error(CompressionCodec codec, string named)
    {
        var error = Should.Throw<RecordBatchFormatException>(() => RecordCompression.Decompress(codec, [0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0, 0x11]));

        error.Message.ShouldContain(named);
    }

    // gzip is missing here: the framework's GZipStream ends quietly at a truncated end; the record count check catches it.
    [Theory]
    [InlineData(CompressionCodec.Snappy)]
    [InlineData(CompressionCodec.Lz4)]
    [InlineData(CompressionCodec.Zstd)]
    public void A_truncated_stream_is_refused(CompressionCodec codec)
    {
        var data = new byte[5000];
        new Random(5).NextBytes(data);
        var compressed = RecordCompression.Compress(codec, data);

        Should.Throw<RecordBatchFormatException>(() => RecordCompression.Decompress(codec, compressed.AsSpan(0, compressed.Length / 2)));
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Random_and_mutated_inputs_give_bytes_or_a_format_error_never_another_exception(CompressionCodec codec)
    {
        var random = new Random(42 + (int)codec);
        var valid = RecordCompression.Compress(codec, NewBatch(30, CompressionCodec.None));
        for (var round = 0; round < 2000; round++)
        {
            byte[] input;
            if (round % 2 == 0)
            {
                input = new byte[random.Next(0, 200)];
                random.NextBytes(input);
            }
            else
            {
                input = (byte[])valid.Clone();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                }

                input = input[..random.Next(1, input.Length + 1)];
            }

            try
            {
                RecordCompression.Decompress(codec, input);
            }
            catch (RecordBatchFormatException)
            {
            }
        }
    }

    [Fact]
    public void A_truncated_gzip_batch_is_refused_when_its_records_are_read()
    {
        var batch = NewBatch(100, CompressionCodec.None);
        var gzip = RecordCompression.Compress(CompressionCodec.Gzip, batch.AsSpan(RecordBatchHeader.Size));
        var truncated = RecordBatch.Recompress(batch, CompressionCodec.Gzip).AsSpan(0, RecordBatchHeader.Size + gzip.Length / 2).ToArray();
        BinaryPrimitives.WriteInt32BigEndian(truncated.AsSpan(RecordBatchHeader.BatchLengthPosition), truncated.Length - RecordBatchHeader.LogOverhead);

        Should.Throw<RecordBatchFormatException>(() => RecordBatch.ReadRecords(truncated));
    }

    private static byte[] NewBatch(int count, CompressionCodec codec)
    {
        var builder = new RecordBatchBuilder(1_700_000_000_000);
        for (var i = 0; i < count; i++)
        {
            builder.Add(Encoding.UTF8.GetBytes($"key-{i}"), Encoding.UTF8.GetBytes($"value-{i}"), 1_700_000_000_000 + i);
        }

        return builder.Build(producerId: 7, producerEpoch: 0, baseSequence: 3, compression: codec);
    }
}
