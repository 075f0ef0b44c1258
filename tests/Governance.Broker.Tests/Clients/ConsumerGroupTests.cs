using System.Collections.Concurrent;
using Confluent.Kafka;
using Governance.Broker.Tests.Support;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Clients;

/// <summary>Consumer groups with real clients: rebalances as members come and go, committed offsets across restarts.</summary>
public sealed class ConsumerGroupTests
{
    private const int Partitions = 6;
    private const int RecordsPerPartition = 1000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_consumers_joining_and_leaving_share_the_partitions_without_losing_a_record()
    {
        await using var broker = TestBroker.Start();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "shared", Partitions);
        using (var producer = KafkaClients.Producer(broker.BootstrapServers))
        {
            for (var i = 0; i < Partitions * RecordsPerPartition; i++)
            {
                producer.Produce(new TopicPartition("shared", i % Partitions), new Message<string, string> { Key = "k", Value = $"{i}" });
            }
            producer.Flush(Token);
        }

        var owners = new ConcurrentDictionary<int, string>();
        var overlaps = new ConcurrentQueue<string>();
        var deliveries = new ConcurrentQueue<(string Member, int Partition, long Offset, bool Committed)>();
        var members = new List<GroupMember>();
        GroupMember Join(string name)
        {
            var member = new GroupMember(name, broker.BootstrapServers, owners, overlaps, deliveries);
            members.Add(member);
            return member;
        }

        var first = Join("first");
        await WaitUntil(() => deliveries.Count >= 1000);
        var second = Join("second");
        await WaitUntil(() => deliveries.Count >= 2500 && second.Assigned > 0);
        var third = Join("third");
        await WaitUntil(() => deliveries.Count >= 4000 && third.Assigned > 0);
        await first.LeaveAsync();
        await WaitUntil(() => deliveries.Select(d => (d.Partition, d.Offset)).Distinct().Count() == Partitions * RecordsPerPartition);
        foreach (var member in members)
        {
            await member.LeaveAsync();
        }

        overlaps.ShouldBeEmpty("a partition was assigned to two members at once");
        var byRecord = deliveries.GroupBy(d => (d.Partition, d.Offset)).ToList();
        byRecord.Count.ShouldBe(Partitions * RecordsPerPartition, "every record delivered");
        // A record may come twice only when its first consumer's commit did not go through (its generation ended).
        byRecord.Where(g => g.Count() > 1).ShouldAllBe(g => !g.First().Committed);
        members.Select(m => m.Assigned).ShouldAllBe(a => a > 0);
    }

    [Fact]
    public async Task Committed_offsets_survive_a_broker_restart()
    {
        await using var broker = TestBroker.Start();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "resume", 1);
        using (var producer = KafkaClients.Producer(broker.BootstrapServers))
        {
            for (var i = 0; i < 1000; i++)
            {
                producer.Produce("resume", new Message<string, string> { Key = "k", Value = $"{i}" });
            }
            producer.Flush(Token);
        }
        using (var consumer = KafkaClients.Consumer(broker.BootstrapServers, "resumers"))
        {
            consumer.Subscribe("resume");
            var firstPart = KafkaClients.ConsumeExactly(consumer, 400);
            consumer.Commit(firstPart[^1]);
            consumer.Close();
        }

        await broker.RestartAsync();

        using var resumed = KafkaClients.Consumer(broker.BootstrapServers, "resumers");
        resumed.Subscribe("resume");
        var rest = KafkaClients.ConsumeExactly(resumed, 600);
        rest[0].Offset.Value.ShouldBe(400);
        rest.Select(r => r.Message.Value).ShouldBe(Enumerable.Range(400, 600).Select(i => $"{i}"));
        resumed.Committed([new TopicPartition("resume", 0)], TimeSpan.FromSeconds(10)).Single().Offset.Value.ShouldBe(400);
        resumed.Close();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>
    /// One group member on its own thread: consumes, commits each record synchronously, and notes which partitions it
    /// owns so that the test can see two members never own one partition at the same time.
    /// </summary>
    private sealed class GroupMember
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public GroupMember(
            string name,
            string bootstrapServers,
            ConcurrentDictionary<int, string> owners,
            ConcurrentQueue<string> overlaps,
            ConcurrentQueue<(string, int, long, bool)> deliveries)
        {
            var consumer = new ConsumerBuilder<string, string>(KafkaClients.ConsumerConfig(bootstrapServers, "sharers", name))
                .SetPartitionsAssignedHandler((_, partitions) =>
                {
                    Interlocked.Increment(ref _assigned);
                    foreach (var partition in partitions)
                    {
                        if (!owners.TryAdd(partition.Partition.Value, name))
                        {
                            overlaps.Enqueue($"{name} got partition {partition.Partition.Value} owned by {owners[partition.Partition.Value]}");
                        }
                    }
                })
                .SetPartitionsRevokedHandler((_, partitions) =>
                {
                    foreach (var partition in partitions)
                    {
                        owners.TryRemove(KeyValuePair.Create(partition.Partition.Value, name));
                    }
                })
                .Build();
            _loop = Task.Factory.StartNew(() =>
            {
                consumer.Subscribe("shared");
                while (!_stop.IsCancellationRequested)
                {
                    if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not { } result)
                    {
                        continue;
                    }
                    var committed = true;
                    try
                    {
                        consumer.Commit(result);
                    }
                    catch (KafkaException)
                    {
                        committed = false;
                    }
                    deliveries.Enqueue((name, result.Partition.Value, result.Offset.Value, committed));
                }
                consumer.Close();
                consumer.Dispose();
            }, TaskCreationOptions.LongRunning);
        }

        private int _assigned;

        public int Assigned => Volatile.Read(ref _assigned);

        public async Task LeaveAsync()
        {
            await _stop.CancelAsync();
            await _loop;
        }
    }
}
