using System.Buffers.Binary;
using Confluent.Kafka;
using Governance.Broker.Tests.Support;
using Governance.Kafka.Protocol.Records;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Clients;

/// <summary>
/// Compressed batches from a real producer (librdkafka, compression.type per codec): decompressed for schema validation
/// on produce, stored as sent unless the topic's compression.type names another codec, and decoded by a real consumer.
/// </summary>
public sealed class CompressionTests
{
    private const int SchemaId = 42;
    private const int Records = 300;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<CompressionType, CompressionCodec> ProducerCodecs => new()
    {
        { CompressionType.Gzip, CompressionCodec.Gzip },
        { CompressionType.Snappy, CompressionCodec.Snappy },
        { CompressionType.Lz4, CompressionCodec.Lz4 },
        { CompressionType.Zstd, CompressionCodec.Zstd },
    };

    [Theory]
    [MemberData(nameof(ProducerCodecs))]
    public async Task Compressed_batches_are_validated_on_produce_stored_as_sent_and_consumed(CompressionType producerCodec, CompressionCodec stored)
    {
        await using var broker = StartWithRegistry();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "events", 1, new() { ["confluent.value.schema.validation"] = "true" });

        await ProduceAsync(broker, "events", producerCodec);

        StoredCodecs(broker, "events").ShouldAllBe(codec => codec == stored);
        ConsumeValues(broker, "events").ShouldBe(Enumerable.Range(0, Records).Select(Payload));
    }

    [Theory]
    [MemberData(nameof(ProducerCodecs))]
    public async Task A_record_with_an_unknown_schema_inside_a_compressed_batch_is_refused(CompressionType producerCodec, CompressionCodec sent)
    {
        await using var broker = StartWithRegistry();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "events", 1, new() { ["confluent.value.schema.validation"] = "true" });
        using var producer = Producer(broker, producerCodec, lingerMs: 0);

        var refused = await Should.ThrowAsync<ProduceException<string, byte[]>>(() =>
            producer.ProduceAsync("events", new Message<string, byte[]> { Key = "k", Value = Framed(99, new string('x', 200)) }, Token));

        refused.Error.Code.ShouldBe(ErrorCode.InvalidRecord, $"a {sent} batch with an unregistered schema id");
        broker.Server.Topics.GetPartition("events", 0)!.Log.LogEndOffset.ShouldBe(0);
    }

    [Theory]
    [InlineData(CompressionType.None, "zstd", CompressionCodec.Zstd)]
    [InlineData(CompressionType.Gzip, "lz4", CompressionCodec.Lz4)]
    [InlineData(CompressionType.Lz4, "snappy", CompressionCodec.Snappy)]
    [InlineData(CompressionType.Zstd, "gzip", CompressionCodec.Gzip)]
    [InlineData(CompressionType.Snappy, "uncompressed", CompressionCodec.None)]
    public async Task A_topic_compression_type_other_than_producer_makes_the_broker_recompress(CompressionType producerCodec, string topicCodec, CompressionCodec stored)
    {
        await using var broker = StartWithRegistry();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "events", 1, new()
        {
            ["confluent.value.schema.validation"] = "true",
            ["compression.type"] = topicCodec,
        });

        await ProduceAsync(broker, "events", producerCodec);

        StoredCodecs(broker, "events").ShouldAllBe(codec => codec == stored);
        ConsumeValues(broker, "events").ShouldBe(Enumerable.Range(0, Records).Select(Payload));
    }

    private static TestBroker StartWithRegistry()
    {
        var registry = new InMemorySchemaRegistry();
        registry.Register("events-value", SchemaId);
        return TestBroker.Start(schemaRegistry: registry);
    }

    private static IProducer<string, byte[]> Producer(TestBroker broker, CompressionType codec, int lingerMs)
    {
        return new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            Acks = Acks.All,
            CompressionType = codec,
            LingerMs = lingerMs,
        }).Build();
    }

    // Enough records in one linger window that the producer compresses many of them together.
    private static async Task ProduceAsync(TestBroker broker, string topic, CompressionType codec)
    {
        using var producer = Producer(broker, codec, lingerMs: 50);
        var sent = Enumerable.Range(0, Records)
            .Select(i => producer.ProduceAsync(topic, new Message<string, byte[]> { Key = $"k{i}", Value = Framed(SchemaId, Payload(i)) }, Token))
            .ToList();
        foreach (var result in await Task.WhenAll(sent))
        {
            result.Status.ShouldBe(PersistenceStatus.Persisted);
        }
    }

    private static List<CompressionCodec> StoredCodecs(TestBroker broker, string topic)
    {
        var read = broker.Server.Topics.GetPartition(topic, 0)!.Read(0, 16 * 1024 * 1024);
        try
        {
            var codecs = new List<CompressionCodec>();
            var records = read.Records.Span;
            while (records.Length > 0)
            {
                var header = RecordBatchHeader.Read(records);
                codecs.Add(header.Compression);
                records = records[header.TotalSize..];
            }

            codecs.ShouldNotBeEmpty();
            return codecs;
        }
        finally
        {
            read.Release();
        }
    }

    private static List<string> ConsumeValues(TestBroker broker, string topic)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(KafkaClients.ConsumerConfig(broker.BootstrapServers, "readers")).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var values = new List<string>();
        while (values.Count < Records)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException($"consumed {values.Count} of {Records} records");
            BinaryPrimitives.ReadInt32BigEndian(result.Message.Value.AsSpan(1)).ShouldBe(SchemaId);
            values.Add(System.Text.Encoding.ASCII.GetString(result.Message.Value.AsSpan(5)));
        }

        return values;
    }

    private static string Payload(int i) => $"record {i}: " + new string((char)('a' + i % 26), 40);

    private static byte[] Framed(int schemaId, string payload)
    {
        var bytes = new byte[5 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1), schemaId);
        System.Text.Encoding.ASCII.GetBytes(payload, bytes.AsSpan(5));
        return bytes;
    }
}
