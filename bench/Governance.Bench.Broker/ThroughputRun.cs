using System.Diagnostics;
using Confluent.Kafka;

namespace Governance.Bench.Broker;

/// <summary>
/// What one run measured: producer and consumer records per second, how long the consumer took to its first record,
/// and the processor time the target spent while the records were produced and while they were consumed.
/// </summary>
internal sealed record ThroughputResult(
    double ProducePerSecond, double ConsumePerSecond, double FirstRecordSeconds, TimeSpan ProduceProcessorTime, TimeSpan ConsumeProcessorTime);

/// <summary>
/// One run against one target: produce <c>records</c> 1 KB records over fresh topics, then consume them all.
/// <para>
/// Both clocks measure steady state, not client start-up. Before the producer's clock starts, one record goes to
/// every partition and is acknowledged: that creates the topics and gives the producer their leaders (librdkafka
/// 2.0 otherwise parks the first records of an unknown topic and may not wake its broker thread for up to a second,
/// on either target, at random). The consumer's clock starts at its first record: the time before it (connection,
/// metadata, offset lookup; librdkafka retries a lookup made before it knows the leader after 500 ms) is reported
/// apart, as "first record".
/// </para>
/// </summary>
internal static class ThroughputRun
{
    public const int RecordBytes = 1024;

    /// <summary>Partitions per topic: the mock cluster's default for auto-created topics, and this broker's in the benchmark.</summary>
    public const int PartitionsPerTopic = 4;

    /// <summary>
    /// The mock cluster keeps at most 5 MB per partition (rdkafka_mock.c) and cannot create topics with more
    /// partitions, so the records are spread over as many topics as it takes for both targets to hold all of them.
    /// </summary>
    private const int RecordsPerPartition = 4_000;

    public static int TopicsFor(int records) => Math.Max(1, (records + (PartitionsPerTopic * RecordsPerPartition) - 1) / (PartitionsPerTopic * RecordsPerPartition));

    public static ThroughputResult Measure(TargetProcess target, Acks acks, int records)
    {
        var bootstrapServers = target.BootstrapServers;
        var run = Guid.NewGuid().ToString("N");
        var topics = Enumerable.Range(0, TopicsFor(records)).Select(t => $"bench-{acks}-{run}-{t}").ToArray();
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Acks = acks,
            LingerMs = 5,
            QueueBufferingMaxMessages = 1_000_000,
            QueueBufferingMaxKbytes = 1024 * 1024,
        }).Build();
        var value = new byte[RecordBytes];
        Random.Shared.NextBytes(value);

        var primed = Prime(producer, topics, value);
        var beforeProduce = target.ProcessorTime;
        var produceSeconds = Produce(producer, topics, value, records);
        var beforeConsume = target.ProcessorTime;
        var (firstRecordSeconds, afterFirstSeconds) = Consume(bootstrapServers, topics, primed + records);
        var afterConsume = target.ProcessorTime;
        // The consumer's clock runs from its first record to its last: the records after the first.
        return new ThroughputResult(
            records / produceSeconds, (primed + records - 1) / afterFirstSeconds, firstRecordSeconds,
            beforeConsume - beforeProduce, afterConsume - beforeConsume);
    }

    /// <summary>One acknowledged record in every partition; returns how many.</summary>
    private static int Prime(IProducer<byte[], byte[]> producer, string[] topics, byte[] value)
    {
        var acknowledgements = topics
            .SelectMany(topic => Enumerable.Range(0, PartitionsPerTopic).Select(partition => new TopicPartition(topic, partition)))
            .Select(partition => producer.ProduceAsync(partition, new Message<byte[], byte[]> { Key = [], Value = value }))
            .ToArray();
        Task.WaitAll(acknowledgements);
        return acknowledgements.Length;
    }

    private static double Produce(IProducer<byte[], byte[]> producer, string[] topics, byte[] value, int records)
    {
        long failed = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < records; i++)
        {
            var message = new Message<byte[], byte[]> { Key = BitConverter.GetBytes(i), Value = value };
            while (true)
            {
                try
                {
                    producer.Produce(topics[i % topics.Length], message, report =>
                    {
                        if (report.Error.IsError)
                        {
                            Interlocked.Increment(ref failed);
                        }
                    });
                    break;
                }
                catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }
        producer.Flush();
        clock.Stop();
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} records were not acknowledged");
        }
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Reads every record from the start of every partition; returns the seconds to the first record and from it to the last.</summary>
    private static (double FirstRecord, double AfterFirst) Consume(string bootstrap, string[] topics, int records)
    {
        var clock = Stopwatch.StartNew();
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "bench",
            EnableAutoCommit = false,
            // Room for every record: librdkafka 2.0 pauses a partition whose local queue is full for
            // fetch.error.backoff.ms (500 ms), which would measure the client's back-off, not the target.
            QueuedMaxMessagesKbytes = 1024 * 1024,
            QueuedMinMessages = 10_000_000,
        }).Build();
        consumer.Assign(topics.SelectMany(t => Enumerable.Range(0, PartitionsPerTopic).Select(p => new TopicPartitionOffset(t, p, Offset.Beginning))));
        var firstRecord = TimeSpan.Zero;
        for (var received = 0; received < records; received++)
        {
            if (consumer.Consume(TimeSpan.FromSeconds(30)) is null)
            {
                var marks = consumer.Assignment.Select(tp => consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(5)));
                throw new InvalidOperationException(
                    $"consumed only {received} of {records} records; partitions hold {string.Join(", ", marks.Select(m => $"{m.Low}..{m.High}"))}");
            }
            if (received == 0)
            {
                firstRecord = clock.Elapsed;
            }
        }
        clock.Stop();
        return (firstRecord.TotalSeconds, (clock.Elapsed - firstRecord).TotalSeconds);
    }
}
