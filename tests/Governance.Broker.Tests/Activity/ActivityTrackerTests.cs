using Governance.Broker.Activity;
using Governance.Broker.Tests.Log;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Activity;

public sealed class ActivityTrackerTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void A_connection_is_known_by_client_id_software_principal_and_address()
    {
        var tracker = new ActivityTracker(_time);
        using var connection = tracker.OpenConnection("127.0.0.1:50000");

        connection.SetClientId("billing-service");
        connection.SetClientSoftware("confluent-kafka-dotnet", "2.15.1");

        var info = tracker.Snapshot().Connections.ShouldHaveSingleItem();
        info.ClientId.ShouldBe("billing-service");
        info.SoftwareName.ShouldBe("confluent-kafka-dotnet");
        info.SoftwareVersion.ShouldBe("2.15.1");
        info.Principal.ShouldBe("User:ANONYMOUS");
        info.Address.ShouldBe("127.0.0.1:50000");
        info.ClosedAt.ShouldBeNull();
    }

    [Fact]
    public void Produced_and_fetched_records_and_bytes_are_counted_per_client_topic_partition_and_direction()
    {
        var tracker = new ActivityTracker(_time);
        using var producer = tracker.OpenConnection("10.0.0.1:1");
        producer.SetClientId("writer");
        var first = _time.GetUtcNow();
        producer.RecordProduced("orders", 0, 10, 1000);
        _time.Advance(TimeSpan.FromSeconds(5));
        producer.RecordProduced("orders", 0, 5, 500);
        producer.RecordProduced("orders", 1, 1, 100);
        using var consumer = tracker.OpenConnection("10.0.0.2:2");
        consumer.SetClientId("reader");
        consumer.RecordFetched("orders", 0, 15, 1500);

        var flows = tracker.Snapshot().Flows;

        var written = flows.Single(f => f.ClientId == "writer" && f.Partition == 0);
        written.Direction.ShouldBe(ActivityDirection.Produce);
        written.Records.ShouldBe(15);
        written.Bytes.ShouldBe(1500);
        written.FirstSeen.ShouldBe(first);
        written.LastSeen.ShouldBe(first.AddSeconds(5));
        flows.Single(f => f.ClientId == "writer" && f.Partition == 1).Records.ShouldBe(1);
        var read = flows.Single(f => f.ClientId == "reader");
        read.Direction.ShouldBe(ActivityDirection.Fetch);
        read.Records.ShouldBe(15);
        read.Group.ShouldBeNull();
    }

    [Fact]
    public void Connections_of_one_client_add_up_and_fetches_carry_the_consumer_group()
    {
        var tracker = new ActivityTracker(_time);
        tracker.RecordGroupMembership("reader", "billing", ["orders"]);
        using (var one = tracker.OpenConnection("a:1"))
        {
            one.SetClientId("reader");
            one.RecordFetched("orders", 0, 3, 30);
        }

        using var two = tracker.OpenConnection("a:2");
        two.SetClientId("reader");
        two.RecordFetched("orders", 0, 4, 40);
        two.RecordFetched("payments", 0, 1, 10);

        var snapshot = tracker.Snapshot();
        var orders = snapshot.Flows.Single(f => f.Topic == "orders");
        orders.Records.ShouldBe(7);
        orders.Group.ShouldBe("billing");
        snapshot.Flows.Single(f => f.Topic == "payments").Group.ShouldBeNull();
        snapshot.Connections.Count.ShouldBe(2);
        snapshot.Connections[0].ClosedAt.ShouldNotBeNull();
        snapshot.Groups.ShouldHaveSingleItem().Topics.ShouldBe(["orders"]);
    }

    [Fact]
    public void A_new_client_id_or_principal_on_a_connection_starts_new_flows()
    {
        var tracker = new ActivityTracker(_time);
        using var connection = tracker.OpenConnection("a:1");
        connection.SetClientId("first");
        connection.RecordProduced("orders", 0, 1, 10);
        connection.SetClientId("second");
        connection.RecordProduced("orders", 0, 2, 20);
        connection.SetPrincipal("User:alice");
        connection.RecordProduced("orders", 0, 4, 40);

        var flows = tracker.Snapshot().Flows;

        flows.Select(f => (f.ClientId, f.Principal, f.Records)).ShouldBe(
            [("first", "User:ANONYMOUS", 1L), ("second", "User:ANONYMOUS", 2L), ("second", "User:alice", 4L)],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Concurrent_counting_loses_nothing()
    {
        var tracker = new ActivityTracker(_time);
        var cancellationToken = TestContext.Current.CancellationToken;
        var connections = Enumerable.Range(0, 8).Select(i =>
        {
            var connection = tracker.OpenConnection($"a:{i}");
            connection.SetClientId("writer");
            return connection;
        }).ToList();

        await Task.WhenAll(connections.Select(connection => Task.Run(
            () =>
            {
                for (var i = 0; i < 10_000; i++)
                {
                    connection.RecordProduced("orders", i % 2, 1, 10);
                }
            },
            cancellationToken)));

        tracker.Snapshot().Flows.Sum(f => f.Records).ShouldBe(80_000);
        tracker.Snapshot().Flows.Sum(f => f.Bytes).ShouldBe(800_000);
    }
}
