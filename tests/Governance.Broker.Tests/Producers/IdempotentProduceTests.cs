using Governance.Broker.Producers;
using Governance.Broker.Tests.Log;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Producers;

public sealed class IdempotentProduceTests : IDisposable
{
    private const long ProducerId = 1000;

    private readonly TemporaryDirectory _directory = new();
    private TopicManager _topics;

    public IdempotentProduceTests()
    {
        _topics = Open();
        _topics.CreateTopic("payments", 1);
    }

    private Partition Payments => _topics.GetPartition("payments", 0)!;

    [Fact]
    public async Task A_retried_batch_is_acknowledged_with_its_original_offset_and_not_appended_again()
    {
        (await Produce(epoch: 0, sequence: 0, count: 5)).BaseOffset.ShouldBe(0);
        (await Produce(epoch: 0, sequence: 5, count: 5)).BaseOffset.ShouldBe(5);

        var retry = await Produce(epoch: 0, sequence: 0, count: 5);

        retry.ErrorCode.ShouldBe(ErrorCode.None);
        retry.BaseOffset.ShouldBe(0);
        retry.RecordCount.ShouldBe(0);
        Payments.Log.LogEndOffset.ShouldBe(10);
    }

    [Fact]
    public async Task A_gap_in_sequences_is_out_of_order()
    {
        await Produce(epoch: 0, sequence: 0, count: 5);

        var gap = await Produce(epoch: 0, sequence: 7, count: 1);

        gap.ErrorCode.ShouldBe(ErrorCode.OutOfOrderSequenceNumber);
        gap.ErrorMessage.ShouldBe("Producer 1000 epoch 0 sent sequence 7, expected 5 (last appended sequence 4).");
        Payments.Log.LogEndOffset.ShouldBe(5);
    }

    [Fact]
    public async Task An_old_epoch_is_fenced_and_a_new_epoch_starts_at_sequence_zero()
    {
        await Produce(epoch: 1, sequence: 0, count: 2);

        (await Produce(epoch: 0, sequence: 2, count: 1)).ErrorCode.ShouldBe(ErrorCode.InvalidProducerEpoch);
        (await Produce(epoch: 2, sequence: 3, count: 1)).ErrorCode.ShouldBe(ErrorCode.OutOfOrderSequenceNumber);
        (await Produce(epoch: 2, sequence: 0, count: 1)).ErrorCode.ShouldBe(ErrorCode.None);
        (await Produce(epoch: 1, sequence: 2, count: 1)).ErrorCode.ShouldBe(ErrorCode.InvalidProducerEpoch);
    }

    [Fact]
    public async Task Only_the_last_five_batches_are_remembered_for_duplicates()
    {
        for (var i = 0; i < 6; i++)
        {
            await Produce(epoch: 0, sequence: i, count: 1);
        }

        (await Produce(epoch: 0, sequence: 1, count: 1)).BaseOffset.ShouldBe(1);
        (await Produce(epoch: 0, sequence: 0, count: 1)).ErrorCode.ShouldBe(ErrorCode.OutOfOrderSequenceNumber);
    }

    [Fact]
    public async Task An_unknown_producer_may_start_at_any_sequence_and_non_idempotent_batches_are_not_checked()
    {
        (await Produce(epoch: 0, sequence: 42, count: 1)).ErrorCode.ShouldBe(ErrorCode.None);
        (await Payments.AppendAsync(Batches.Of(1), TestContext.Current.CancellationToken)).ErrorCode.ShouldBe(ErrorCode.None);
        (await Payments.AppendAsync(Batches.Of(1), TestContext.Current.CancellationToken)).ErrorCode.ShouldBe(ErrorCode.None);
    }

    [Fact]
    public async Task Active_producers_are_described_with_epoch_last_sequence_and_timestamp()
    {
        await Produce(epoch: 3, sequence: 0, count: 4, baseTimestamp: 5000);

        var producer = Payments.ActiveProducers().ShouldHaveSingleItem();

        producer.ProducerId.ShouldBe(ProducerId);
        producer.ProducerEpoch.ShouldBe((short)3);
        producer.LastSequence.ShouldBe(3);
        producer.LastTimestamp.ShouldBe(5003);
        producer.LastOffset.ShouldBe(3);
        producer.CoordinatorEpoch.ShouldBe(-1);
        producer.CurrentTxnStartOffset.ShouldBe(-1);
    }

    [Fact]
    public async Task Producers_silent_for_longer_than_the_expiration_are_forgotten()
    {
        var time = new ManualTimeProvider();
        using var topics = new TopicManager(new TopicManagerOptions { DataDirectory = _directory.Combine("expiring") }, time: time);
        topics.CreateTopic("payments", 1);
        var partition = topics.GetPartition("payments", 0)!;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await partition.AppendAsync(Batches.Of(1, now, producerId: 1, producerEpoch: 0, baseSequence: 0), TestContext.Current.CancellationToken);

        time.Advance(ProducerStateManager.ProducerExpiration + TimeSpan.FromMinutes(1));
        var later = time.GetUtcNow().ToUnixTimeMilliseconds();
        await partition.AppendAsync(Batches.Of(1, later, producerId: 2, producerEpoch: 0, baseSequence: 0), TestContext.Current.CancellationToken);

        partition.ActiveProducers().ShouldHaveSingleItem().ProducerId.ShouldBe(2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Producer_state_survives_a_restart_with_or_without_a_snapshot(bool keepSnapshot)
    {
        await Produce(epoch: 0, sequence: 0, count: 3);
        await Produce(epoch: 0, sequence: 3, count: 3);
        _topics.Dispose();
        if (!keepSnapshot)
        {
            File.Delete(_directory.Combine(Path.Combine("payments-0", "producer-state.snapshot")));
        }

        _topics = Open();

        (await Produce(epoch: 0, sequence: 3, count: 3)).BaseOffset.ShouldBe(3);
        (await Produce(epoch: 0, sequence: 7, count: 1)).ErrorCode.ShouldBe(ErrorCode.OutOfOrderSequenceNumber);
        (await Produce(epoch: 0, sequence: 6, count: 1)).BaseOffset.ShouldBe(6);
    }

    [Fact]
    public async Task Batches_appended_after_the_snapshot_are_replayed_from_the_log()
    {
        await Produce(epoch: 0, sequence: 0, count: 2);
        _topics.Dispose();
        _topics = Open();
        await Produce(epoch: 0, sequence: 2, count: 2);
        var snapshotWithoutLatest = File.ReadAllBytes(_directory.Combine(Path.Combine("payments-0", "producer-state.snapshot")));
        _topics.Dispose();
        File.WriteAllBytes(_directory.Combine(Path.Combine("payments-0", "producer-state.snapshot")), snapshotWithoutLatest);

        _topics = Open();

        (await Produce(epoch: 0, sequence: 2, count: 2)).BaseOffset.ShouldBe(2);
        (await Produce(epoch: 0, sequence: 4, count: 1)).BaseOffset.ShouldBe(4);
    }

    public void Dispose()
    {
        _topics.Dispose();
        _directory.Dispose();
    }

    private TopicManager Open() => new(new TopicManagerOptions { DataDirectory = _directory.Path });

    private ValueTask<ProduceResult> Produce(short epoch, int sequence, int count, long baseTimestamp = 1000) =>
        Payments.AppendAsync(Batches.Of(count, baseTimestamp, producerId: ProducerId, producerEpoch: epoch, baseSequence: sequence), TestContext.Current.CancellationToken);
}
