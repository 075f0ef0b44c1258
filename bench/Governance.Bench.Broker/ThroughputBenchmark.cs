using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using Governance.Broker.Hosting;

namespace Governance.Bench.Broker;

/// <summary>
/// Producer then consumer throughput of 1 KB records with acks=1 and acks=all, against this broker (in process,
/// writing its logs to a temporary directory) and against librdkafka's in-memory mock cluster as the reference.
/// The clients are the same Confluent.Kafka/librdkafka code in both cases.
/// </summary>
internal static class ThroughputBenchmark
{
    private const int RecordBytes = 1024;
    private const int Partitions = 4;

    public static async Task RunAsync(int records)
    {
        Library.Load("librdkafka.so.1");
        Console.WriteLine($"{records:N0} records of {RecordBytes} bytes, {Partitions} partitions, librdkafka {Library.VersionString}");
        Console.WriteLine($"{"target",-22} {"acks",-4} {"produce rec/s",14} {"produce MB/s",12} {"consume rec/s",14} {"consume MB/s",12}");

        var directory = Path.Combine(Path.GetTempPath(), "governance-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var broker = new BrokerServer(new BrokerOptions
            {
                Listener = "127.0.0.1:0",
                DataDirectory = directory,
                DefaultPartitions = Partitions,
            }))
            {
                broker.Start();
                var bootstrap = $"127.0.0.1:{broker.LocalEndPoint.Port}";
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
        var topic = $"bench-{acks}-{Guid.NewGuid():N}";
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
                    producer.Produce(topic, message, report =>
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

        var bootstrap = mockBootstrap ?? config.BootstrapServers;
        var consume = Stopwatch.StartNew();
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "bench",
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(Enumerable.Range(0, Partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var received = 0;
        while (received < records)
        {
            if (consumer.Consume(TimeSpan.FromSeconds(30)) is null)
            {
                throw new InvalidOperationException($"consumed only {received} of {records} records");
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
