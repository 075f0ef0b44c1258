using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Tests.Support;

/// <summary>Fetch requests for the wire tests.</summary>
public static class FetchRequests
{
    /// <summary>Every partition 0..<paramref name="partitions"/>-1 of <paramref name="topic"/> from offset 0, with a 50 MB answer limit.</summary>
    public static FetchRequest FromStart(string topic, int partitions, int partitionMaxBytes = 1 << 20, int minBytes = 1, int maxWaitMs = 0) => new()
    {
        MaxWaitMs = maxWaitMs,
        MinBytes = minBytes,
        MaxBytes = 50 << 20,
        Topics =
        [
            new()
            {
                Name = topic,
                Partitions = Enumerable.Range(0, partitions).Select(p => new FetchRequest.Partition { PartitionIndex = p, PartitionMaxBytes = partitionMaxBytes }).ToList(),
            },
        ],
    };
}
