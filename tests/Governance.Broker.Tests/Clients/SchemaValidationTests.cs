using System.Buffers.Binary;
using Confluent.Kafka;
using Governance.Broker.Tests.Support;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Clients;

/// <summary>
/// Produce-time schema validation with Confluent Server's topic configs: records must carry a schema id registered
/// under the topic's subject, or the produce is refused with INVALID_RECORD.
/// </summary>
public sealed class SchemaValidationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Values_with_a_registered_schema_id_are_accepted_and_others_refused_with_INVALID_RECORD()
    {
        var registry = new InMemorySchemaRegistry();
        registry.Register("payments-value", 42);
        await using var broker = TestBroker.Start(schemaRegistry: registry);
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "payments", 1, new() { ["confluent.value.schema.validation"] = "true" });
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers, Acks = Acks.All }).Build();

        var good = await producer.ProduceAsync("payments", new Message<string, byte[]> { Key = "a", Value = Framed(42, "ok") }, Token);
        var unregistered = await Should.ThrowAsync<ProduceException<string, byte[]>>(() =>
            producer.ProduceAsync("payments", new Message<string, byte[]> { Key = "b", Value = Framed(99, "unknown schema") }, Token));
        var unframed = await Should.ThrowAsync<ProduceException<string, byte[]>>(() =>
            producer.ProduceAsync("payments", new Message<string, byte[]> { Key = "c", Value = "plain text"u8.ToArray() }, Token));

        good.Status.ShouldBe(PersistenceStatus.Persisted);
        unregistered.Error.Code.ShouldBe(ErrorCode.InvalidRecord);
        unframed.Error.Code.ShouldBe(ErrorCode.InvalidRecord);
        broker.Server.Topics.GetPartition("payments", 0)!.Log.LogEndOffset.ShouldBe(1);
    }

    [Fact]
    public async Task The_refusal_names_the_record_and_the_reason_on_the_wire()
    {
        var registry = new InMemorySchemaRegistry();
        await using var broker = TestBroker.Start(schemaRegistry: registry);
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "audited", 1, new() { ["confluent.value.schema.validation"] = "true" });
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);
        var batch = new Governance.Kafka.Protocol.Records.RecordBatchBuilder(0).Add((byte[]?)null, Framed(7, "x")).Build();

        var response = await client.SendAsync<Governance.Kafka.Protocol.Messages.ProduceResponse>(
            Governance.Kafka.Protocol.ApiKey.Produce, 9, Network.WireBehaviourTests.Produce("audited", batch, acks: -1), Token);

        var partition = response.Responses[0].Partitions[0];
        partition.ErrorCode.ShouldBe(Governance.Kafka.Protocol.ErrorCode.InvalidRecord);
        partition.ErrorMessage.ShouldNotBeNull().ShouldContain("7");
        partition.RecordErrors.ShouldHaveSingleItem().BatchIndex.ShouldBe(0);
    }

    private static byte[] Framed(int schemaId, string payload)
    {
        var bytes = new byte[5 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1), schemaId);
        System.Text.Encoding.ASCII.GetBytes(payload, bytes.AsSpan(5));
        return bytes;
    }
}
