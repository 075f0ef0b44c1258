using System.Buffers.Binary;
using System.Text;
using Governance.Kafka.Protocol.Records;
using Shouldly;
using Xunit;

namespace Governance.Kafka.Protocol.Tests.Records;

public sealed class RecordBatchTests
{
    private const long BaseTimestamp = 1_700_000_000_000;

    [Fact]
    public void A_built_batch_validates_and_its_header_reads_back()
    {
        var batch = NewBatch(3, producerId: 42, producerEpoch: 1, baseSequence: 7);

        var header = RecordBatch.ValidateAll(batch).ShouldHaveSingleItem();

        header.Magic.ShouldBe((sbyte)2);
        header.RecordCount.ShouldBe(3);
        header.LastOffsetDelta.ShouldBe(2);
        header.TotalSize.ShouldBe(batch.Length);
        header.ProducerId.ShouldBe(42);
        header.ProducerEpoch.ShouldBe((short)1);
        header.BaseSequence.ShouldBe(7);
        header.LastSequence.ShouldBe(9);
        header.BaseTimestamp.ShouldBe(BaseTimestamp);
        header.MaxTimestamp.ShouldBe(BaseTimestamp + 2);
        header.Compression.ShouldBe(CompressionCodec.None);
        header.Crc.ShouldBe(Crc32C.Compute(batch.AsSpan(21)));
    }

    [Fact]
    public void A_flipped_byte_in_the_records_is_a_crc_error_naming_the_batch()
    {
        var batch = NewBatch(2);
        batch[^3] ^= 0xFF;

        var error = Should.Throw<RecordBatchFormatException>(() => RecordBatch.ValidateAll(batch));

        error.Message.ShouldContain("Record batch 0 at byte 0 is corrupt");
        error.Message.ShouldContain("CRC");
    }

    [Fact]
    public void A_wrong_magic_is_refused()
    {
        var batch = NewBatch(1);
        batch[RecordBatchHeader.MagicPosition] = 1;

        Should.Throw<RecordBatchFormatException>(() => RecordBatch.ValidateAll(batch)).Message.ShouldContain("magic 1");
    }

    [Fact]
    public void A_batch_length_past_the_end_is_reported_as_truncated()
    {
        var batch = NewBatch(2);

        var error = Should.Throw<RecordBatchFormatException>(() => RecordBatch.ValidateAll(batch.AsSpan(0, batch.Length - 4)));

        error.Message.ShouldContain("truncated");
    }

    [Fact]
    public void A_batch_length_shorter_than_a_header_is_refused()
    {
        var batch = NewBatch(1);
        BinaryPrimitives.WriteInt32BigEndian(batch.AsSpan(RecordBatchHeader.BatchLengthPosition), 10);

        Should.Throw<RecordBatchFormatException>(() => RecordBatch.ValidateAll(batch)).Message.ShouldContain("batchLength 10");
    }

    [Fact]
    public void Last_offset_delta_must_match_the_record_count()
    {
        var batch = NewBatch(3);
        BinaryPrimitives.WriteInt32BigEndian(batch.AsSpan(RecordBatchHeader.LastOffsetDeltaPosition), 5);
        RewriteCrc(batch);

        Should.Throw<RecordBatchFormatException>(() => RecordBatch.ValidateAll(batch)).Message.ShouldContain("lastOffsetDelta 5 but recordsCount 3");
    }

    [Fact]
    public void Control_batches_from_clients_are_refused()
    {
        var batch = NewBatch(1);
        BinaryPrimitives.WriteInt16BigEndian(batch.AsSpan(RecordBatchHeader.AttributesPosition), 0x20);
        RewriteCrc(batch);

        Should.Throw<RecordBatchFormatException>(() => RecordBatch.ValidateAll(batch)).Message.ShouldContain("control batch");
    }

    [Fact]
    public void Several_batches_are_split_and_trailing_garbage_names_the_next_batch()
    {
        var first = NewBatch(2);
        var second = NewBatch(4);
        byte[] both = [.. first, .. second];

        RecordBatch.ValidateAll(both).Select(h => h.RecordCount).ShouldBe([2, 4]);
        RecordBatch.CountRecords(both).ShouldBe(6);

        byte[] withGarbage = [.. both, 1, 2, 3, 4, 5];
        var error = Should.Throw<RecordBatchFormatException>(() => RecordBatch.ValidateAll(withGarbage));
        error.Message.ShouldContain($"Record batch 2 at byte {both.Length}");
        RecordBatch.CountRecords(withGarbage).ShouldBe(6);
    }

    [Fact]
    public void Empty_records_are_refused()
    {
        Should.Throw<RecordBatchFormatException>(() => RecordBatch.ValidateAll([])).Message.ShouldContain("no record batch");
    }

    [Fact]
    public void Rewriting_base_offset_and_leader_epoch_keeps_the_crc_valid()
    {
        var batch = NewBatch(2);

        RecordBatch.SetBaseOffset(batch, 12345);
        RecordBatch.SetPartitionLeaderEpoch(batch, 7);

        var header = RecordBatch.Validate(batch);
        header.BaseOffset.ShouldBe(12345);
        header.LastOffset.ShouldBe(12346);
        header.PartitionLeaderEpoch.ShouldBe(7);
    }

    [Fact]
    public void Log_append_time_sets_the_attribute_and_max_timestamp_with_a_new_crc()
    {
        var batch = NewBatch(2);

        RecordBatch.SetLogAppendTime(batch, 99);

        var header = RecordBatch.Validate(batch);
        header.IsLogAppendTime.ShouldBeTrue();
        header.MaxTimestamp.ShouldBe(99);
    }

    [Fact]
    public void Records_read_back_with_keys_values_nulls_and_headers()
    {
        var batch = new RecordBatchBuilder(BaseTimestamp)
            .Add("k0"u8.ToArray(), "v0"u8.ToArray())
            .Add(null, Encoding.UTF8.GetBytes("v1"), BaseTimestamp + 10, [new RecordHeader("h", Encoding.UTF8.GetBytes("x")), new RecordHeader("n", null)])
            .Add(Encoding.UTF8.GetBytes("k2"), null)
            .Build();

        var records = RecordBatch.ReadRecords(batch);

        records.Count.ShouldBe(3);
        Encoding.UTF8.GetString(records[0].Key!.Value.Span).ShouldBe("k0");
        Encoding.UTF8.GetString(records[0].Value!.Value.Span).ShouldBe("v0");
        records[1].Key.ShouldBeNull();
        records[1].TimestampDelta.ShouldBe(10);
        records[1].OffsetDelta.ShouldBe(1);
        records[1].Headers.Select(h => h.Key).ShouldBe(["h", "n"]);
        records[1].Headers[1].Value.ShouldBeNull();
        records[2].Value.ShouldBeNull();
        records[2].Index.ShouldBe(2);
    }

    [Fact]
    public void Gzip_batches_validate_and_their_records_read_back()
    {
        var builder = new RecordBatchBuilder(BaseTimestamp);
        for (var i = 0; i < 50; i++)
        {
            builder.Add(Encoding.UTF8.GetBytes($"key-{i}"), Encoding.UTF8.GetBytes(new string('v', 100) + i));
        }

        var batch = builder.Build(compression: CompressionCodec.Gzip);

        RecordBatch.Validate(batch).Compression.ShouldBe(CompressionCodec.Gzip);
        var records = RecordBatch.ReadRecords(batch);
        records.Count.ShouldBe(50);
        Encoding.UTF8.GetString(records[49].Key!.Value.Span).ShouldBe("key-49");
    }

    [Fact]
    public void Invalid_gzip_data_is_a_clear_error()
    {
        var batch = NewBatch(1);
        BinaryPrimitives.WriteInt16BigEndian(batch.AsSpan(RecordBatchHeader.AttributesPosition), (short)CompressionCodec.Gzip);
        RewriteCrc(batch);

        Should.Throw<RecordBatchFormatException>(() => RecordBatch.ReadRecords(batch)).Message.ShouldContain("gzip");
    }

    [Fact]
    public void A_record_whose_length_overruns_the_batch_names_the_record()
    {
        var batch = NewBatch(2);
        var recordsStart = RecordBatchHeader.Size;
        var firstRecordLength = (batch[recordsStart] >> 1) + 1; // one-byte zig-zag varint, plus itself
        batch[recordsStart + firstRecordLength] = 0x7E; // second record claims 63 bytes
        RewriteCrc(batch);

        var error = Should.Throw<RecordBatchFormatException>(() => RecordBatch.ReadRecords(batch));

        error.Message.ShouldContain("Record 1");
    }

    [Fact]
    public void A_record_count_larger_than_the_records_is_an_error()
    {
        var batch = NewBatch(2);
        BinaryPrimitives.WriteInt32BigEndian(batch.AsSpan(RecordBatchHeader.RecordCountPosition), 3);
        BinaryPrimitives.WriteInt32BigEndian(batch.AsSpan(RecordBatchHeader.LastOffsetDeltaPosition), 2);
        RewriteCrc(batch);

        Should.Throw<RecordBatchFormatException>(() => RecordBatch.ReadRecords(batch)).Message.ShouldContain("record 2 length");
    }

    [Fact]
    public void Truncated_headers_are_reported_with_the_sizes()
    {
        Should.Throw<RecordBatchFormatException>(() => RecordBatchHeader.Read(new byte[20])).Message.ShouldContain("61 bytes");
    }

    internal static byte[] NewBatch(int count, long producerId = -1, short producerEpoch = -1, int baseSequence = -1)
    {
        var builder = new RecordBatchBuilder(BaseTimestamp);
        for (var i = 0; i < count; i++)
        {
            builder.Add(Encoding.UTF8.GetBytes($"key-{i}"), Encoding.UTF8.GetBytes($"value-{i}"), BaseTimestamp + i);
        }

        return builder.Build(producerId, producerEpoch, baseSequence);
    }

    private static void RewriteCrc(byte[] batch) =>
        BinaryPrimitives.WriteUInt32BigEndian(batch.AsSpan(RecordBatchHeader.CrcPosition), Crc32C.Compute(batch.AsSpan(RecordBatchHeader.AttributesPosition)));
}
