using Governance.Broker.Activity;
using Governance.Broker.Tests.Log;
using Governance.Broker.Tests.Support;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Activity;

public sealed class ActivityAggregatorTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly RecordingActivitySink _sink = new();

    [Fact]
    public void A_connection_is_reported_with_client_id_software_principal_and_address_and_when_it_closes()
    {
        var aggregator = new ActivityAggregator(_sink, _time);
        var connection = aggregator.OpenConnection("127.0.0.1:50000");

        connection.SetClientId("billing-service");
        connection.SetClientId("billing-service");
        connection.SetClientSoftware("confluent-kafka-dotnet", "2.15.1");

        var info = _sink.Connections.ShouldHaveSingleItem();
        info.ClientId.ShouldBe("billing-service");
        info.SoftwareName.ShouldBe("confluent-kafka-dotnet");
        info.SoftwareVersion.ShouldBe("2.15.1");
        info.Principal.ShouldBe("User:ANONYMOUS");
        info.Address.ShouldBe("127.0.0.1:50000");
        info.ClosedAt.ShouldBeNull();
        _time.Advance(TimeSpan.FromSeconds(3));
        connection.Dispose();
        _sink.Connections.ShouldHaveSingleItem().ClosedAt.ShouldBe(_time.GetUtcNow());
    }

    [Fact]
    public void Produced_and_fetched_records_are_handed_over_per_client_topic_partition_and_direction_once()
    {
        var aggregator = new ActivityAggregator(_sink, _time);
        using var producer = aggregator.OpenConnection("10.0.0.1:1");
        producer.SetClientId("writer");
        var first = _time.GetUtcNow();
        producer.RecordProduced("orders", 0, 10, 1000);
        _time.Advance(TimeSpan.FromSeconds(2));
        producer.RecordProduced("orders", 0, 5, 500);
        producer.RecordProduced("orders", 1, 1, 100);
        producer.RecordSchemaId("orders", RecordPart.Value, 7, 16);
        using var consumer = aggregator.OpenConnection("10.0.0.2:2");
        consumer.SetClientId("reader");
        consumer.RecordFetched("orders", 0, 15, 1500);
        _time.Advance(TimeSpan.FromSeconds(3));

        aggregator.HandOver();
        aggregator.HandOver();

        var batch = _sink.Batches.ShouldHaveSingleItem("a hand-over with nothing counted reports nothing");
        batch.From.ShouldBe(first);
        batch.To.ShouldBe(first.AddSeconds(5));
        var written = batch.Flows.Single(f => f.ClientId == "writer" && f.Partition == 0);
        written.Direction.ShouldBe(ActivityDirection.Produce);
        (written.Records, written.Bytes).ShouldBe((15L, 1500L));
        written.FirstSeen.ShouldBe(first);
        written.LastSeen.ShouldBe(first.AddSeconds(2));
        batch.Flows.Single(f => f.ClientId == "writer" && f.Partition == 1).Records.ShouldBe(1);
        var read = batch.Flows.Single(f => f.ClientId == "reader");
        read.Direction.ShouldBe(ActivityDirection.Fetch);
        read.Records.ShouldBe(15);
        read.Group.ShouldBeNull();
        batch.SchemaIds.ShouldHaveSingleItem().ShouldBe(new SchemaIdCount("writer", "orders", RecordPart.Value, 7, 16, first.AddSeconds(2), first.AddSeconds(2)));
    }

    [Fact]
    public void Connections_of_one_client_add_up_closed_ones_included_and_fetches_carry_the_consumer_group()
    {
        var aggregator = new ActivityAggregator(_sink, _time);
        aggregator.OnGroup(new GroupActivityEvent(
            GroupActivityKind.Joined, "billing", "", "reader", "/a", ["orders"], new Dictionary<string, IReadOnlyList<int>>(), _time.GetUtcNow()));
        using (var one = aggregator.OpenConnection("a:1"))
        {
            one.SetClientId("reader");
            one.RecordFetched("orders", 0, 3, 30);
        }

        using var two = aggregator.OpenConnection("a:2");
        two.SetClientId("reader");
        two.RecordFetched("orders", 0, 4, 40);
        two.RecordFetched("payments", 0, 1, 10);

        aggregator.HandOver();

        var flows = _sink.Flows;
        var orders = flows.Single(f => f.Topic == "orders");
        (orders.Records, orders.Bytes).ShouldBe((7L, 70L));
        orders.Group.ShouldBe("billing");
        flows.Single(f => f.Topic == "payments").Group.ShouldBeNull();
        _sink.Groups.ShouldHaveSingleItem().Group.ShouldBe("billing");
    }

    [Fact]
    public void A_new_client_id_or_principal_on_a_connection_counts_apart()
    {
        var aggregator = new ActivityAggregator(_sink, _time);
        using var connection = aggregator.OpenConnection("a:1");
        connection.SetClientId("first");
        connection.RecordProduced("orders", 0, 1, 10);
        connection.SetClientId("second");
        connection.RecordProduced("orders", 0, 2, 20);
        connection.SetPrincipal("User:alice");
        connection.RecordProduced("orders", 0, 4, 40);

        aggregator.HandOver();

        _sink.Flows.Select(f => (f.ClientId, f.Principal, f.Records)).ShouldBe(
            [("first", "User:ANONYMOUS", 1L), ("second", "User:ANONYMOUS", 2L), ("second", "User:alice", 4L)],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Counting_while_hand_overs_run_loses_and_repeats_nothing()
    {
        var aggregator = new ActivityAggregator(_sink, _time);
        var cancellationToken = TestContext.Current.CancellationToken;
        var connections = Enumerable.Range(0, 8).Select(i =>
        {
            var connection = aggregator.OpenConnection($"a:{i}");
            connection.SetClientId("writer");
            return connection;
        }).ToList();
        using var writersDone = new CancellationTokenSource();
        var handOvers = Task.Run(
            () =>
            {
                while (!writersDone.IsCancellationRequested)
                {
                    aggregator.HandOver();
                }
            },
            cancellationToken);

        await Task.WhenAll(connections.Select(connection => Task.Run(
            () =>
            {
                for (var i = 0; i < 10_000; i++)
                {
                    connection.RecordProduced("orders", i % 2, 1, 10);
                }
            },
            cancellationToken)));
        await writersDone.CancelAsync();
        await handOvers;
        aggregator.HandOver();

        _sink.Flows.Sum(f => f.Records).ShouldBe(80_000);
        _sink.Flows.Sum(f => f.Bytes).ShouldBe(800_000);
    }

    [Fact]
    public async Task The_timer_hands_over_every_interval_and_once_more_when_stopped()
    {
        var aggregator = new ActivityAggregator(_sink, _time, TimeSpan.FromSeconds(5));
        using var connection = aggregator.OpenConnection("a:1");
        connection.SetClientId("writer");
        using var stop = new CancellationTokenSource();
        var running = aggregator.RunAsync(stop.Token);

        connection.RecordProduced("orders", 0, 1, 10);
        _time.Advance(TimeSpan.FromSeconds(5));
        await WaitForBatchesAsync(1);
        connection.RecordProduced("orders", 0, 2, 20);
        await stop.CancelAsync();
        await running;

        _sink.Batches.Select(b => b.Flows.Sum(f => f.Records)).ShouldBe([1L, 2L]);
    }

    [Fact]
    public void A_detached_aggregator_counts_and_reports_nothing()
    {
        var connection = ActivityAggregator.Detached.OpenConnection("a:1");
        connection.SetClientId("writer");
        connection.RecordProduced("orders", 0, 1, 10);

        connection.IsAttached.ShouldBeFalse();
        ActivityAggregator.Detached.HandOver();
        connection.Dispose();
    }

    // The timer's callback runs on the thread that advances the fake clock, but the loop continues asynchronously.
    private async Task WaitForBatchesAsync(int count)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        while (_sink.Batches.Count < count)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
