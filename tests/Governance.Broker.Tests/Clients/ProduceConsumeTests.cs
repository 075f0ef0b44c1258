using Confluent.Kafka;
using Governance.Broker.Activity;
using Governance.Broker.Tests.Support;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Clients;

/// <summary>Confluent.Kafka producing and consuming through the broker, as an application would.</summary>
public sealed class ProduceConsumeTests
{
    private const int RecordCount = 100_000;
    private const int Partitions = 3;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hundred_thousand_records_with_acks_all_come_back_in_order_per_partition()
    {
        await using var broker = TestBroker.Start();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "orders", Partitions);

        var acknowledged = new TopicPartitionOffset[RecordCount];
        using (var producer = KafkaClients.Producer(broker.BootstrapServers, Acks.All, idempotent: true, clientId: "order-service"))
        {
            for (var i = 0; i < RecordCount; i++)
            {
                var index = i;
                producer.Produce("orders", new Message<string, string> { Key = $"customer-{i % 97}", Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, report =>
                {
                    report.Error.IsError.ShouldBeFalse(report.Error.Reason);
                    acknowledged[index] = report.TopicPartitionOffset;
                });
                if (i % 10_000 == 0)
                {
                    producer.Poll(TimeSpan.Zero);
                }
            }
            producer.Flush(Token);
        }

        using var consumer = KafkaClients.Consumer(broker.BootstrapServers, "order-readers", clientId: "order-reader");
        consumer.Assign(Enumerable.Range(0, Partitions).Select(p => new TopicPartitionOffset("orders", p, Offset.Beginning)));
        var consumed = KafkaClients.ConsumeExactly(consumer, RecordCount);

        consumed.Select(r => int.Parse(r.Message.Value, System.Globalization.CultureInfo.InvariantCulture)).Order()
            .ShouldBe(Enumerable.Range(0, RecordCount), "every record exactly once");
        foreach (var partition in consumed.GroupBy(r => r.Partition.Value))
        {
            var values = partition.Select(r => int.Parse(r.Message.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            values.ShouldBe(values.Order().ToList(), $"partition {partition.Key} in produce order");
            partition.Select(r => r.Offset.Value).ShouldBe(Enumerable.Range(0, values.Count).Select(o => (long)o));
        }
        foreach (var result in consumed)
        {
            acknowledged[int.Parse(result.Message.Value, System.Globalization.CultureInfo.InvariantCulture)].ShouldBe(result.TopicPartitionOffset);
        }

        broker.Server.Activity.HandOver();
        var flows = broker.Activity.Flows.Where(f => f.Topic == "orders").ToList();
        flows.Where(f => f.Direction == ActivityDirection.Produce).ShouldAllBe(f => f.ClientId == "order-service");
        flows.Where(f => f.Direction == ActivityDirection.Produce).Sum(f => f.Records).ShouldBe(RecordCount);
        flows.Where(f => f.Direction == ActivityDirection.Fetch && f.ClientId == "order-reader").Sum(f => f.Records).ShouldBeGreaterThanOrEqualTo(RecordCount);
        broker.Activity.Connections.ShouldContain(c => c.ClientId == "order-service" && c.SoftwareName != null);
    }

    [Fact]
    public async Task Produce_to_an_unknown_topic_creates_it_when_auto_creation_is_on()
    {
        await using var broker = TestBroker.Start(o => o with { DefaultPartitions = 2 });
        using var producer = KafkaClients.Producer(broker.BootstrapServers, Acks.Leader);

        var delivered = await producer.ProduceAsync("created-on-first-use", new Message<string, string> { Key = "k", Value = "v" }, Token);

        delivered.Status.ShouldBe(PersistenceStatus.Persisted);
        broker.Server.Topics.GetTopic("created-on-first-use")!.Partitions.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Offsets_can_be_listed_by_earliest_latest_and_timestamp()
    {
        await using var broker = TestBroker.Start();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "timeline", 1);
        using var producer = KafkaClients.Producer(broker.BootstrapServers);
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 0; i < 10; i++)
        {
            await producer.ProduceAsync("timeline", new Message<string, string> { Key = "k", Value = "v", Timestamp = new Timestamp(start + (i * 1000), TimestampType.CreateTime) }, Token);
        }
        using var consumer = KafkaClients.Consumer(broker.BootstrapServers, "timeline-readers");

        var watermarks = consumer.QueryWatermarkOffsets(new TopicPartition("timeline", 0), TimeSpan.FromSeconds(10));
        var byTime = consumer.OffsetsForTimes([new TopicPartitionTimestamp("timeline", 0, new Timestamp(start + 4500, TimestampType.CreateTime))], TimeSpan.FromSeconds(10));

        (watermarks.Low.Value, watermarks.High.Value).ShouldBe((0L, 10L));
        byTime.ShouldHaveSingleItem().Offset.Value.ShouldBe(5);
    }
}
