using Governance.Broker.Tests.Log;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Records;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Topics;

public sealed class PartitionTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly TopicManager _topics;

    public PartitionTests()
    {
        _topics = new TopicManager(new TopicManagerOptions { DataDirectory = _directory.Path });
        _topics.CreateTopic("orders", 1);
    }

    private Partition Orders => _topics.GetPartition("orders", 0)!;

    [Fact]
    public async Task A_produce_is_appended_and_answered_with_its_base_offset()
    {
        await Orders.AppendAsync(Batches.Of(3), TestContext.Current.CancellationToken);

        var result = await Orders.AppendAsync(Batches.Of(2), TestContext.Current.CancellationToken);

        result.ErrorCode.ShouldBe(ErrorCode.None);
        result.BaseOffset.ShouldBe(3);
        result.RecordCount.ShouldBe(2);
        result.LogAppendTime.ShouldBe(-1);
        result.LogStartOffset.ShouldBe(0);
    }

    [Fact]
    public async Task A_corrupt_batch_is_corrupt_message_and_nothing_is_written()
    {
        var batch = Batches.Of(3);
        batch[^1] ^= 1;

        var result = await Orders.AppendAsync(batch, TestContext.Current.CancellationToken);

        result.ErrorCode.ShouldBe(ErrorCode.CorruptMessage);
        result.ErrorMessage!.ShouldContain("orders-0");
        result.ErrorMessage!.ShouldContain("CRC");
        Orders.Log.LogEndOffset.ShouldBe(0);
    }

    [Fact]
    public async Task Garbage_is_corrupt_message()
    {
        var result = await Orders.AppendAsync(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, TestContext.Current.CancellationToken);

        result.ErrorCode.ShouldBe(ErrorCode.CorruptMessage);
        result.ErrorMessage!.ShouldContain("truncated");
    }

    [Fact]
    public async Task Two_batches_in_one_produce_are_invalid_record()
    {
        byte[] two = [.. Batches.Of(1), .. Batches.Of(1)];

        var result = await Orders.AppendAsync(two, TestContext.Current.CancellationToken);

        result.ErrorCode.ShouldBe(ErrorCode.InvalidRecord);
        result.ErrorMessage!.ShouldContain("exactly one record batch");
    }

    [Fact]
    public async Task A_batch_with_a_base_offset_is_invalid_record()
    {
        var batch = Batches.Of(1);
        RecordBatch.SetBaseOffset(batch, 10);

        (await Orders.AppendAsync(batch, TestContext.Current.CancellationToken)).ErrorCode.ShouldBe(ErrorCode.InvalidRecord);
    }

    [Fact]
    public async Task List_offsets_answers_earliest_latest_by_timestamp_and_max_timestamp()
    {
        await Orders.AppendAsync(Batches.Of(3, baseTimestamp: 1000), TestContext.Current.CancellationToken);
        await Orders.AppendAsync(Batches.Of(3, baseTimestamp: 2000), TestContext.Current.CancellationToken);

        Orders.ListOffset(Partition.EarliestTimestamp).ShouldBe(new ListOffsetResult(ErrorCode.None, -1, 0));
        Orders.ListOffset(Partition.LatestTimestamp).ShouldBe(new ListOffsetResult(ErrorCode.None, -1, 6));
        Orders.ListOffset(1500).ShouldBe(new ListOffsetResult(ErrorCode.None, 2000, 3));
        Orders.ListOffset(1001).ShouldBe(new ListOffsetResult(ErrorCode.None, 1001, 1));
        Orders.ListOffset(9999).ShouldBe(new ListOffsetResult(ErrorCode.None, -1, -1));
        Orders.ListOffset(Partition.MaxTimestamp).ShouldBe(new ListOffsetResult(ErrorCode.None, 2002, 5));
        Orders.ListOffset(-7).ErrorCode.ShouldBe(ErrorCode.InvalidRequest);
    }

    public void Dispose()
    {
        _topics.Dispose();
        _directory.Dispose();
    }
}
