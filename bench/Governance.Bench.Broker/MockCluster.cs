using Confluent.Kafka;

namespace Governance.Bench.Broker;

/// <summary>
/// librdkafka's in-memory mock cluster (<c>test.mock.num.brokers=1</c>) alone in a process, the benchmark's
/// reference, until standard input closes. The cluster lives inside the client handle that asked for it; it tells
/// its address only in a log line.
/// </summary>
internal static class MockCluster
{
    public static async Task RunAsync()
    {
        var config = new ProducerConfig { BootstrapServers = "unused:9092" };
        config.Set("test.mock.num.brokers", "1");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handle = new ProducerBuilder<byte[], byte[]>(config)
            .SetLogHandler((_, log) =>
            {
                // "Mock cluster enabled: original bootstrap.servers and security.protocol ignored and replaced with <list>"
                var marker = log.Message.IndexOf("replaced with ", StringComparison.Ordinal);
                if (log.Facility == "MOCK" && marker >= 0)
                {
                    listening.TrySetResult(log.Message[(marker + "replaced with ".Length)..].Trim());
                }
            })
            .Build();
        Console.WriteLine($"LISTENING {await listening.Task.WaitAsync(TimeSpan.FromSeconds(30))}");
        await Console.In.ReadToEndAsync();
    }
}
