using Confluent.Kafka;
using Governance.Broker.Activity;
using Governance.Broker.Tests.Support;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Activity;

/// <summary>What real clients' traffic looks like through the activity port.</summary>
public sealed class ClientActivityTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(CompressionType.None)]
    [InlineData(CompressionType.Gzip)]
    public async Task Produced_bytes_are_the_uncompressed_keys_values_and_headers_and_wire_format_schema_ids_are_seen(CompressionType compression)
    {
        await using var broker = TestBroker.Start();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "orders", 2);
        // Confluent's wire format: magic byte 0, schema id 42 big-endian, then 1,019 bytes of payload: 1,024 bytes a value.
        var value = new byte[1024];
        value[4] = 42;
        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            ClientId = "orders-svc",
            CompressionType = compression,
            LingerMs = 5,
        }).Build())
        {
            for (var i = 0; i < 1000; i++)
            {
                producer.Produce("orders", new Message<string, byte[]>
                {
                    Key = "k" + (i % 10), // 2 bytes
                    Value = value,
                    Headers = [new Header("trace", [1, 2, 3])], // 5 + 3 bytes
                });
            }

            producer.Flush(Token);
        }

        broker.Server.Activity.HandOver();

        var produced = broker.Activity.Flows.Where(f => f.Direction == ActivityDirection.Produce).ToList();
        produced.ShouldAllBe(f => f.ClientId == "orders-svc" && f.Topic == "orders" && f.Principal == "User:ANONYMOUS");
        produced.Sum(f => f.Records).ShouldBe(1000);
        produced.Sum(f => f.Bytes).ShouldBe(1000L * (2 + 1024 + 5 + 3));
        var schemaIds = broker.Activity.SchemaIds;
        schemaIds.ShouldAllBe(s => s.ClientId == "orders-svc" && s.Part == RecordPart.Value && s.SchemaId == 42);
        schemaIds.Sum(s => s.Records).ShouldBe(1000);
    }

    [Fact]
    public async Task A_consumer_group_member_fetches_in_its_group_and_topics_and_groups_are_reported()
    {
        await using var broker = TestBroker.Start();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "payments", 1);
        using (var producer = KafkaClients.Producer(broker.BootstrapServers, clientId: "payments-svc"))
        {
            for (var i = 0; i < 20; i++)
            {
                producer.Produce("payments", new Message<string, string> { Key = "k", Value = "v" });
            }

            producer.Flush(Token);
        }

        using (var consumer = KafkaClients.Consumer(broker.BootstrapServers, "ledger", clientId: "ledger-reader"))
        {
            consumer.Subscribe("payments");
            KafkaClients.ConsumeExactly(consumer, 20);
            consumer.Close();
        }

        broker.Server.Activity.HandOver();

        var fetched = broker.Activity.Flows.Where(f => f.Direction == ActivityDirection.Fetch && f.ClientId == "ledger-reader").ToList();
        fetched.Sum(f => f.Records).ShouldBe(20);
        fetched.ShouldAllBe(f => f.Group == "ledger");
        var groupEvents = broker.Activity.Groups.Where(g => g.Group == "ledger" && g.ClientId == "ledger-reader").ToList();
        // A first JoinGroup without a member id is answered MEMBER_ID_REQUIRED and repeated (KIP-394): joined twice.
        groupEvents.Select(g => g.Kind).Distinct().ShouldBe([GroupActivityKind.Joined, GroupActivityKind.Assigned, GroupActivityKind.Left]);
        groupEvents.Single(g => g.Kind == GroupActivityKind.Assigned).Partitions["payments"].ShouldBe([0]);
        broker.Activity.Topics.ShouldContain(t => t.Kind == TopicActivityKind.Created && t.Topic == "payments" && t.PartitionCount == 1);
    }
}
