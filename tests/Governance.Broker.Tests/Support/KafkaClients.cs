using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Governance.Broker.Tests.Support;

/// <summary>Confluent.Kafka clients (librdkafka underneath) configured for tests against a local broker.</summary>
public static class KafkaClients
{
    /// <param name="messageTimeoutMs">How long a record may wait for its acknowledgement before it fails.</param>
    public static IProducer<string, string> Producer(
        string bootstrapServers, Acks acks = Acks.All, bool idempotent = false, string clientId = "test-producer", int messageTimeoutMs = 30_000)
    {
        return new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            ClientId = clientId,
            Acks = acks,
            EnableIdempotence = idempotent,
            LingerMs = 5,
            MessageTimeoutMs = messageTimeoutMs,
        }).Build();
    }

    public static ConsumerConfig ConsumerConfig(string bootstrapServers, string groupId, string clientId = "test-consumer") => new()
    {
        BootstrapServers = bootstrapServers,
        GroupId = groupId,
        ClientId = clientId,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        EnableAutoCommit = false,
        SessionTimeoutMs = 6000,
        HeartbeatIntervalMs = 500,
    };

    public static IConsumer<string, string> Consumer(string bootstrapServers, string groupId, string clientId = "test-consumer")
    {
        return new ConsumerBuilder<string, string>(ConsumerConfig(bootstrapServers, groupId, clientId)).Build();
    }

    public static async Task CreateTopicAsync(string bootstrapServers, string topic, int partitions, Dictionary<string, string>? configs = null)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = 1, Configs = configs }]);
    }

    /// <summary>Consumes <paramref name="count"/> records from the assigned partitions, failing after 30 s without one.</summary>
    public static List<ConsumeResult<string, string>> ConsumeExactly(IConsumer<string, string> consumer, int count)
    {
        var results = new List<ConsumeResult<string, string>>(count);
        while (results.Count < count)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(30))
                ?? throw new TimeoutException($"consumed {results.Count} of {count} records, then nothing for 30 s");
            results.Add(result);
        }
        return results;
    }
}
