using Governance.Broker.Log;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Log;

/// <summary>
/// Reads hand out slices of segment files instead of bytes: the limits and counts a fetch reports come from batch
/// headers and the sparse index, and a slice keeps its file open until released, even after retention deleted it.
/// </summary>
public sealed class SegmentSliceReadTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string LogDirectory => _directory.Combine("orders-0");

    [Fact]
    public void A_read_through_many_small_batches_ends_on_a_batch_boundary_within_max_bytes_and_counts_its_records()
    {
        // Small batches, so that the index (an entry per 4 KB) skips most of them.
        using var log = PartitionLog.Open(LogDirectory, new LogConfig());
        var batchSize = Batches.Of(2).Length;
        for (var i = 0; i < 2000; i++)
        {
            log.Append(Batches.Of(2));
        }

        var maxBytes = (batchSize * 700) + (batchSize / 2);
        var read = log.Read(401, maxBytes);

        var headers = Batches.Headers(read.Records);
        headers[0].BaseOffset.ShouldBe(400);
        headers.Count.ShouldBe(700);
        headers.Select(h => h.BaseOffset).ShouldBe(Enumerable.Range(0, 700).Select(i => 400L + (2 * i)));
        read.RecordCount.ShouldBe(1400);
        read.Records.Length.ShouldBe(700 * batchSize);
    }

    [Fact]
    public void A_read_at_the_tail_stops_at_the_log_end()
    {
        using var log = PartitionLog.Open(LogDirectory, new LogConfig());
        for (var i = 0; i < 50; i++)
        {
            log.Append(Batches.Of(3));
        }

        var read = log.Read(120, 1 << 20);

        Batches.Headers(read.Records).Select(h => h.BaseOffset).ShouldBe(Enumerable.Range(40, 10).Select(i => 3L * i));
        read.RecordCount.ShouldBe(30);
        read.HighWatermark.ShouldBe(150);
    }

    [Fact]
    public void A_slice_still_reads_after_retention_deleted_its_segment_until_it_is_released()
    {
        var time = new ManualTimeProvider();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var config = new LogConfig { SegmentBytes = Batches.Of(2).Length * 2, RetentionMs = 60_000 };
        using var log = PartitionLog.Open(LogDirectory, config, time);
        for (var i = 0; i < 6; i++)
        {
            log.Append(Batches.Of(2, baseTimestamp: now));
        }
        var first = log.Read(0, 1 << 20);
        var second = log.Read(0, 1 << 20);
        var last = log.Read(0, 1 << 20);
        var firstSegment = Directory.GetFiles(LogDirectory, "*.log").Order().First();

        time.Advance(TimeSpan.FromMinutes(2));
        log.Append(Batches.Of(1, baseTimestamp: time.GetUtcNow().ToUnixTimeMilliseconds()));
        log.EnforceRetention().ShouldBeGreaterThan(0);

        File.Exists(firstSegment).ShouldBeFalse();
        Batches.Headers(first.Records).Select(h => h.BaseOffset).ShouldBe([0L, 2L], "the deleted file is still open for the slices");
        first.Release();
        Should.Throw<ObjectDisposedException>(() => first.Records.Span.ToArray(), "released bytes went back to the pool");
        Batches.Headers(second.Records).Select(h => h.BaseOffset).ShouldBe([0L, 2L], "other slices still hold the file");
        second.Release();
        last.Release();
        Should.Throw<ObjectDisposedException>(() => last.Records.Span.ToArray(), "the last release closed the file");
    }

    public void Dispose() => _directory.Dispose();
}
