using Governance.Broker.Log;
using Governance.Kafka.Protocol.Records;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Log;

public sealed class PartitionLogTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string LogDirectory => _directory.Combine("orders-0");

    [Fact]
    public void Appends_get_consecutive_offsets_and_read_back_as_stored()
    {
        using var log = PartitionLog.Open(LogDirectory, new LogConfig());

        var first = log.Append(Batches.Of(3));
        var second = log.Append(Batches.Of(2));

        first.FirstOffset.ShouldBe(0);
        first.LastOffset.ShouldBe(2);
        second.FirstOffset.ShouldBe(3);
        second.LastOffset.ShouldBe(4);
        log.LogEndOffset.ShouldBe(5);
        log.HighWatermark.ShouldBe(5);
        var read = log.Read(0, 1 << 20);
        Batches.Headers(read.Records).Select(h => (h.BaseOffset, h.RecordCount)).ShouldBe([(0L, 3), (3L, 2)]);
        read.HighWatermark.ShouldBe(5);
        read.LogStartOffset.ShouldBe(0);
    }

    [Fact]
    public void A_read_starts_at_the_batch_holding_the_offset()
    {
        using var log = PartitionLog.Open(LogDirectory, new LogConfig());
        log.Append(Batches.Of(3));
        log.Append(Batches.Of(3));

        var read = log.Read(4, 1 << 20);

        Batches.Headers(read.Records).ShouldHaveSingleItem().BaseOffset.ShouldBe(3);
    }

    [Fact]
    public void At_least_one_whole_batch_is_returned_even_above_max_bytes()
    {
        using var log = PartitionLog.Open(LogDirectory, new LogConfig());
        log.Append(Batches.Of(5, valueSize: 500));
        log.Append(Batches.Of(5, valueSize: 500));

        var read = log.Read(0, 1);

        Batches.Headers(read.Records).ShouldHaveSingleItem().RecordCount.ShouldBe(5);
    }

    [Fact]
    public void Max_bytes_limits_the_answer_to_whole_batches()
    {
        using var log = PartitionLog.Open(LogDirectory, new LogConfig());
        var size = Batches.Of(1).Length;
        for (var i = 0; i < 10; i++)
        {
            log.Append(Batches.Of(1));
        }

        var read = log.Read(0, (size * 3) + (size / 2));

        Batches.Headers(read.Records).Count.ShouldBe(3);
    }

    [Fact]
    public void Offsets_outside_the_log_are_out_of_range_and_the_end_is_empty()
    {
        using var log = PartitionLog.Open(LogDirectory, new LogConfig());
        log.Append(Batches.Of(2));

        log.Read(2, 1000).Records.Length.ShouldBe(0);
        var error = Should.Throw<OffsetOutOfRangeException>(() => log.Read(3, 1000));
        error.Message.ShouldContain("Offset 3 is out of range");
        Should.Throw<OffsetOutOfRangeException>(() => log.Read(-1, 1000));
    }

    [Fact]
    public void Segments_roll_at_segment_bytes_and_every_offset_reads_across_them()
    {
        var config = new LogConfig { SegmentBytes = 1024, IndexIntervalBytes = 200 };
        using (var log = PartitionLog.Open(LogDirectory, config))
        {
            for (var i = 0; i < 60; i++)
            {
                log.Append(Batches.Of(2));
            }

            log.SegmentCount.ShouldBeGreaterThan(5);
            AssertEveryOffsetReadable(log, 120);
        }

        var files = Directory.GetFiles(LogDirectory).Select(Path.GetFileName).ToList();
        files.ShouldContain("00000000000000000000.log");
        files.ShouldContain("00000000000000000000.index");
        files.ShouldContain("00000000000000000000.timeindex");
        files.Count(f => f!.EndsWith(".log", StringComparison.Ordinal)).ShouldBeGreaterThan(5);
        files.Where(f => f!.EndsWith(".log", StringComparison.Ordinal)).ShouldAllBe(f => f!.Length == 24);
        new FileInfo(Path.Combine(LogDirectory, "00000000000000000000.index")).Length.ShouldBeGreaterThan(0);

        using var reopened = PartitionLog.Open(LogDirectory, config);
        reopened.LogEndOffset.ShouldBe(120);
        reopened.TruncatedBytesOnOpen.ShouldBe(0);
        AssertEveryOffsetReadable(reopened, 120);
        reopened.Append(Batches.Of(1)).FirstOffset.ShouldBe(120);
    }

    [Fact]
    public void A_missing_index_is_rebuilt_on_open()
    {
        var config = new LogConfig { SegmentBytes = 1024, IndexIntervalBytes = 100 };
        using (var log = PartitionLog.Open(LogDirectory, config))
        {
            for (var i = 0; i < 30; i++)
            {
                log.Append(Batches.Of(2));
            }
        }

        File.Delete(Path.Combine(LogDirectory, "00000000000000000000.index"));
        File.WriteAllBytes(Path.Combine(LogDirectory, "00000000000000000000.timeindex"), [1, 2, 3]);

        using var reopened = PartitionLog.Open(LogDirectory, config);
        AssertEveryOffsetReadable(reopened, 60);
        new FileInfo(Path.Combine(LogDirectory, "00000000000000000000.index")).Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Offset_for_timestamp_finds_the_first_record_at_or_after_it()
    {
        using var log = PartitionLog.Open(LogDirectory, new LogConfig { SegmentBytes = 400, IndexIntervalBytes = 100 });
        for (var i = 0; i < 20; i++)
        {
            log.Append(Batches.Of(5, baseTimestamp: 1000 + (i * 10))); // records at 1000+10i .. 1004+10i
        }

        log.OffsetForTimestamp(0).ShouldBe(new TimestampOffset(1000, 0));
        log.OffsetForTimestamp(1003).ShouldBe(new TimestampOffset(1003, 3));
        log.OffsetForTimestamp(1007).ShouldBe(new TimestampOffset(1010, 5));
        log.OffsetForTimestamp(1192).ShouldBe(new TimestampOffset(1192, 97));
        log.OffsetForTimestamp(1195).ShouldBeNull();
        log.MaxTimestamp().ShouldBe(new TimestampOffset(1194, 99));
    }

    [Fact]
    public void Recovery_truncates_half_a_batch_at_the_end()
    {
        var whole = Batches.Of(3);
        using (var log = PartitionLog.Open(LogDirectory, new LogConfig()))
        {
            log.Append(Batches.Of(2));
            log.Append(Batches.Of(2));
        }

        var segment = Path.Combine(LogDirectory, "00000000000000000000.log");
        var validLength = new FileInfo(segment).Length;
        using (var file = new FileStream(segment, FileMode.Append))
        {
            file.Write(whole.AsSpan(0, whole.Length / 2));
        }

        using var reopened = PartitionLog.Open(LogDirectory, new LogConfig());
        reopened.TruncatedBytesOnOpen.ShouldBe(whole.Length / 2);
        new FileInfo(segment).Length.ShouldBe(validLength);
        reopened.LogEndOffset.ShouldBe(4);
        reopened.Append(Batches.Of(1)).FirstOffset.ShouldBe(4);
        Batches.Headers(reopened.Read(0, 1 << 20).Records).Select(h => h.BaseOffset).ShouldBe([0L, 2L, 4L]);
    }

    [Fact]
    public void Recovery_truncates_garbage_and_a_batch_with_a_bad_crc()
    {
        using (var log = PartitionLog.Open(LogDirectory, new LogConfig()))
        {
            log.Append(Batches.Of(2));
            log.Append(Batches.Of(2));
        }

        var segment = Path.Combine(LogDirectory, "00000000000000000000.log");
        var bytes = File.ReadAllBytes(segment);
        bytes[^2] ^= 0x55; // inside the second batch's last record
        File.WriteAllBytes(segment, [.. bytes, .. new byte[] { 0, 0, 0, 0, 0, 0, 0, 9, 0xFF, 0xFF, 0xFF, 0xFF, 7 }]);

        using var reopened = PartitionLog.Open(LogDirectory, new LogConfig());
        reopened.LogEndOffset.ShouldBe(2);
        reopened.TruncatedBytesOnOpen.ShouldBe(bytes.Length - Batches.Of(2).Length + 13);
        Batches.Headers(reopened.Read(0, 1 << 20).Records).ShouldHaveSingleItem().BaseOffset.ShouldBe(0);
    }

    [Fact]
    public void Retention_by_time_deletes_old_segments_and_advances_the_log_start()
    {
        var time = new ManualTimeProvider();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var config = new LogConfig { SegmentBytes = Batches.Of(2).Length * 2, RetentionMs = 60_000 };
        using var log = PartitionLog.Open(LogDirectory, config, time);
        for (var i = 0; i < 10; i++)
        {
            log.Append(Batches.Of(2, baseTimestamp: now));
        }

        var segments = log.SegmentCount;
        segments.ShouldBe(5);
        log.EnforceRetention().ShouldBe(0);

        time.Advance(TimeSpan.FromMinutes(2));
        log.Append(Batches.Of(2, baseTimestamp: time.GetUtcNow().ToUnixTimeMilliseconds()));
        var deleted = log.EnforceRetention();

        deleted.ShouldBe(segments);
        log.SegmentCount.ShouldBe(1);
        log.LogStartOffset.ShouldBe(20);
        Should.Throw<OffsetOutOfRangeException>(() => log.Read(0, 1000));
        Batches.Headers(log.Read(20, 1000).Records).ShouldHaveSingleItem().BaseOffset.ShouldBe(20);
        Directory.GetFiles(LogDirectory, "*.log").ShouldHaveSingleItem();
    }

    [Fact]
    public void When_everything_is_past_retention_the_active_segment_goes_too_and_appends_continue()
    {
        var time = new ManualTimeProvider();
        using var log = PartitionLog.Open(LogDirectory, new LogConfig { RetentionMs = 60_000 }, time);
        log.Append(Batches.Of(3, baseTimestamp: time.GetUtcNow().ToUnixTimeMilliseconds()));

        time.Advance(TimeSpan.FromMinutes(2));

        log.EnforceRetention().ShouldBe(1);
        log.LogStartOffset.ShouldBe(3);
        log.LogEndOffset.ShouldBe(3);
        log.Read(3, 1000).Records.Length.ShouldBe(0);
        Should.Throw<OffsetOutOfRangeException>(() => log.Read(0, 1000));
        log.Append(Batches.Of(1)).FirstOffset.ShouldBe(3);
    }

    [Fact]
    public void Retention_by_size_keeps_the_newest_segments_within_the_limit()
    {
        var batch = Batches.Of(1, valueSize: 100);
        var config = new LogConfig { SegmentBytes = batch.Length * 2, RetentionBytes = batch.Length * 4, RetentionMs = -1 };
        using var log = PartitionLog.Open(LogDirectory, config);
        for (var i = 0; i < 10; i++)
        {
            log.Append(Batches.Of(1, valueSize: 100));
        }

        log.EnforceRetention().ShouldBeGreaterThan(0);

        log.SizeInBytes.ShouldBeLessThanOrEqualTo(batch.Length * 4);
        log.SizeInBytes.ShouldBeGreaterThan(batch.Length * 2);
        log.LogStartOffset.ShouldBe(10 - (log.SizeInBytes / batch.Length));
        log.LogEndOffset.ShouldBe(10);
    }

    [Fact]
    public void Cleanup_policy_compact_only_keeps_everything()
    {
        var time = new ManualTimeProvider();
        using var log = PartitionLog.Open(LogDirectory, new LogConfig { SegmentBytes = 300, RetentionMs = 1, DeleteRetention = false }, time);
        for (var i = 0; i < 5; i++)
        {
            log.Append(Batches.Of(2, baseTimestamp: 0));
        }

        time.Advance(TimeSpan.FromDays(1));

        log.EnforceRetention().ShouldBe(0);
        log.LogStartOffset.ShouldBe(0);
    }

    [Fact]
    public void Log_append_time_topics_get_the_broker_time()
    {
        var time = new ManualTimeProvider();
        using var log = PartitionLog.Open(LogDirectory, new LogConfig { LogAppendTime = true }, time);

        var appended = log.Append(Batches.Of(2, baseTimestamp: 5));

        appended.LogAppendTime.ShouldBe(time.GetUtcNow().ToUnixTimeMilliseconds());
        var header = Batches.Headers(log.Read(0, 1000).Records).ShouldHaveSingleItem();
        header.IsLogAppendTime.ShouldBeTrue();
        header.MaxTimestamp.ShouldBe(appended.LogAppendTime);
    }

    [Theory]
    [InlineData(FlushMode.Never)]
    [InlineData(FlushMode.EveryBatch)]
    [InlineData(FlushMode.Interval)]
    public void Every_flush_mode_keeps_appends_readable_after_reopen(FlushMode mode)
    {
        using (var log = PartitionLog.Open(LogDirectory, new LogConfig { FlushMode = mode, FlushIntervalMs = 10 }))
        {
            for (var i = 0; i < 5; i++)
            {
                log.Append(Batches.Of(3));
            }
        }

        using var reopened = PartitionLog.Open(LogDirectory, new LogConfig());
        reopened.LogEndOffset.ShouldBe(15);
    }

    [Fact]
    public async Task Waiting_for_data_completes_when_the_log_grows()
    {
        using var log = PartitionLog.Open(LogDirectory, new LogConfig());
        var wait = log.WaitForDataAsync(0, TestContext.Current.CancellationToken);
        wait.IsCompleted.ShouldBeFalse();

        log.Append(Batches.Of(1));

        await wait;
        log.WaitForDataAsync(0, TestContext.Current.CancellationToken).IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public async Task Waiting_for_data_ends_quietly_when_cancelled()
    {
        using var log = PartitionLog.Open(LogDirectory, new LogConfig());
        using var cancellation = new CancellationTokenSource();
        var wait = log.WaitForDataAsync(0, cancellation.Token);

        await cancellation.CancelAsync();

        await wait;
        log.LogEndOffset.ShouldBe(0);
    }

    [Fact]
    public async Task Concurrent_appends_and_reads_see_every_offset_once()
    {
        using var log = PartitionLog.Open(LogDirectory, new LogConfig { SegmentBytes = 4096 });
        var cancellationToken = TestContext.Current.CancellationToken;
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(
            () =>
            {
                for (var i = 0; i < 100; i++)
                {
                    log.Append(Batches.Of(2));
                }
            },
            cancellationToken)).ToArray();
        var reader = Task.Run(
            () =>
            {
                long next = 0;
                while (next < 800)
                {
                    foreach (var header in Batches.Headers(log.Read(next, 2048).Records))
                    {
                        header.BaseOffset.ShouldBe(next);
                        next = header.LastOffset + 1;
                    }
                }
            },
            cancellationToken);

        await Task.WhenAll([.. writers, reader]);
        log.LogEndOffset.ShouldBe(800);
    }

    public void Dispose() => _directory.Dispose();

    private static void AssertEveryOffsetReadable(PartitionLog log, long count)
    {
        for (long offset = 0; offset < count; offset++)
        {
            var first = Batches.Headers(log.Read(offset, 100).Records)[0];
            first.BaseOffset.ShouldBeLessThanOrEqualTo(offset);
            first.LastOffset.ShouldBeGreaterThanOrEqualTo(offset);
            RecordBatch.Validate(log.Read(offset, 100).Records.Span[..first.TotalSize]);
        }
    }
}
