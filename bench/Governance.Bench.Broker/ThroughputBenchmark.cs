using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using Governance.Broker.Hosting;
using Governance.Broker.Tests.Support;

namespace Governance.Bench.Broker;

/// <summary>
/// Producer then consumer throughput of 1 KB records with acks=1 and acks=all, against this broker (in process,
/// writing its logs to a temporary directory) and against librdkafka's in-memory mock cluster as the reference.
/// The clients are the same Confluent.Kafka/librdkafka code in both cases.
/// </summary>
internal static class ThroughputBenchmark
{
    private const int RecordBytes = 1024;
    /// <summary>Partitions of auto-created topics: the mock cluster's default, and this broker's in the benchmark.</summary>
    private const int PartitionsPerTopic = 4;

    /// <summary>
    /// The mock cluster keeps at most 5 MB per partition (rdkafka_mock.c) and cannot create topics with more
    /// partitions, so the records are spread over several auto-created topics for both targets to hold all of them.
    /// </summary>
    private const int Topics = 4;

    /// <summary>Records produced and consumed once before measuring, so that JIT compilation is not measured.</summary>
    private const int WarmUpRecords = 20_000;

    public static async Task RunAsync(int records)
    {
        Librdkafka.EnsureLoaded();
        Console.WriteLine($"{records:N0} records of {RecordBytes} bytes over {Topics} topics of {PartitionsPerTopic} partitions, librdkafka {Library.VersionString}");
        Console.WriteLine($"{"target",-22} {"acks",-4} {"produce rec/s",14} {"produce MB/s",12} {"consume rec/s",14} {"consume MB/s",12}");

        var directory = Path.Combine(Path.GetTempPath(), "governance-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var broker = new BrokerServer(new BrokerOptions
            {
                Listener = "127.0.0.1:0",
                DataDirectory = directory,
                DefaultPartitions = PartitionsPerTopic,
            }))
            {
                broker.Start();
                var bootstrap = $"127.0.0.1:{broker.LocalEndPoint.Port}";
                Measure(new ProducerConfig { BootstrapServers = bootstrap }, Acks.Leader, WarmUpRecords);
                foreach (var acks in new[] { Acks.Leader, Acks.All })
                {
                    Report("governance broker", acks, records, Measure(new ProducerConfig { BootstrapServers = bootstrap }, acks, records));
                }
            }
            foreach (var acks in new[] { Acks.Leader, Acks.All })
            {
                var mock = new ProducerConfig { BootstrapServers = "unused:9092" };
                mock.Set("test.mock.num.brokers", "1");
                Report("librdkafka mock", acks, records, Measure(mock, acks, records));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (double ProduceSeconds, double ConsumeSeconds) Measure(ProducerConfig config, Acks acks, int records)
    {
        var run = Guid.NewGuid().ToString("N");
        var topics = Enumerable.Range(0, Topics).Select(t => $"bench-{acks}-{run}-{t}").ToArray();
        config.Acks = acks;
        config.LingerMs = 5;
        config.QueueBufferingMaxMessages = 1_000_000;
        config.QueueBufferingMaxKbytes = 1024 * 1024;
        string? mockBootstrap = null;
        using var producer = new ProducerBuilder<byte[], byte[]>(config)
            .SetLogHandler((_, log) =>
            {
                // "Mock cluster enabled: original bootstrap.servers and security.protocol ignored and replaced with <list>"
                var marker = log.Message.IndexOf("replaced with ", StringComparison.Ordinal);
                if (log.Facility == "MOCK" && marker >= 0)
                {
                    mockBootstrap = log.Message[(marker + "replaced with ".Length)..].Trim();
                }
            })
            .Build();
        var bootstrap = mockBootstrap ?? config.BootstrapServers;
        var value = new byte[RecordBytes];
        Random.Shared.NextBytes(value);

        var produce = Stopwatch.StartNew();
        long failed = 0;
        for (var i = 0; i < records; i++)
        {
            var message = new Message<byte[], byte[]> { Key = BitConverter.GetBytes(i), Value = value };
            while (true)
            {
                try
                {
                    producer.Produce(topics[i % Topics], message, report =>
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
        produce.Stop();
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} records were not acknowledged");
        }

        var consume = Stopwatch.StartNew();
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "bench",
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(topics.SelectMany(t => Enumerable.Range(0, PartitionsPerTopic).Select(p => new TopicPartitionOffset(t, p, Offset.Beginning))));
        var received = 0;
        while (received < records)
        {
            if (consumer.Consume(TimeSpan.FromSeconds(30)) is null)
            {
                var marks = consumer.Assignment.Select(tp => consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(5)));
                throw new InvalidOperationException(
                    $"consumed only {received} of {records} records; partitions hold {string.Join(", ", marks.Select(m => $"{m.Low}..{m.High}"))}");
            }
            received++;
        }
        consume.Stop();
        return (produce.Elapsed.TotalSeconds, consume.Elapsed.TotalSeconds);
    }

    private static void Report(string target, Acks acks, int records, (double ProduceSeconds, double ConsumeSeconds) result)
    {
        const double Megabyte = 1024 * 1024;
        var megabytes = (double)records * RecordBytes / Megabyte;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{target,-22} {(acks == Acks.All ? "all" : "1"),-4} {records / result.ProduceSeconds,14:N0} {megabytes / result.ProduceSeconds,12:N1} {records / result.ConsumeSeconds,14:N0} {megabytes / result.ConsumeSeconds,12:N1}"));
    }
}
