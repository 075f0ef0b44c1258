using System.Collections.Concurrent;
using Confluent.Kafka;
using Governance.Broker.Tests.Support;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Clients;

/// <summary>Acknowledged means written: kill -9 of the broker process loses nothing it acknowledged with acks=all.</summary>
public sealed class CrashRecoveryTests
{
    private const int Partitions = 3;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_acknowledged_record_is_there_after_kill_9()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "governance-crash-" + Guid.NewGuid().ToString("N"));
        try
        {
            var acknowledged = new ConcurrentDictionary<(int Partition, long Offset), string>();
            using (var broker = await BrokerProcess.StartAsync(dataDirectory, Token))
            {
                await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "ledger", Partitions);
                // Records still in flight when the broker dies fail after 3 s instead of holding the test up.
                using var producer = KafkaClients.Producer(broker.BootstrapServers, Acks.All, messageTimeoutMs: 3000);
                var sent = 0;
                // Keep producing while the broker is killed, so that the kill lands among writes in flight.
                while (acknowledged.Count < 10_000)
                {
                    var value = $"entry-{sent}";
                    try
                    {
                        producer.Produce("ledger", new Message<string, string> { Key = value, Value = value }, report =>
                        {
                            if (!report.Error.IsError)
                            {
                                acknowledged[(report.Partition.Value, report.Offset.Value)] = value;
                            }
                        });
                        sent++;
                    }
                    catch (ProduceException<string, string> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        producer.Poll(TimeSpan.FromMilliseconds(50));
                    }
                }
                broker.Kill();
                producer.Flush(TimeSpan.FromSeconds(10));
            }
            var survivors = acknowledged.ToDictionary();

            using var restarted = await BrokerProcess.StartAsync(dataDirectory, Token);
            using var consumer = KafkaClients.Consumer(restarted.BootstrapServers, "auditors");
            var ends = Enumerable.Range(0, Partitions)
                .Select(p => consumer.QueryWatermarkOffsets(new TopicPartition("ledger", p), TimeSpan.FromSeconds(10)).High.Value)
                .ToList();
            consumer.Assign(Enumerable.Range(0, Partitions).Select(p => new TopicPartitionOffset("ledger", p, Offset.Beginning)));
            var stored = KafkaClients.ConsumeExactly(consumer, (int)ends.Sum())
                .ToDictionary(r => (r.Partition.Value, r.Offset.Value), r => r.Message.Value);

            foreach (var ((partition, offset), value) in survivors)
            {
                stored.TryGetValue((partition, offset), out var found).ShouldBeTrue(
                    $"acknowledged {value} at {partition}/{offset} is missing; the partitions end at {string.Join(", ", ends)} after the restart");
                found.ShouldBe(value);
            }
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
