using Governance.Broker.Log;

namespace Governance.Broker.Hosting;

/// <summary>The broker's settings, read from the configuration section <c>Governance:Broker</c>.</summary>
public sealed record BrokerOptions
{
    public const string SectionName = "Governance:Broker";

    /// <summary>Whether the server runs the broker at all (default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The address the broker listens on, host:port (default 127.0.0.1:9092; port 0 picks a free port).</summary>
    public string Listener { get; init; } = "127.0.0.1:9092";

    /// <summary>The host clients are told to connect to (Metadata, FindCoordinator); default the listener's host.</summary>
    public string? AdvertisedHost { get; init; }

    /// <summary>The port clients are told to connect to; default the port actually bound.</summary>
    public int? AdvertisedPort { get; init; }

    /// <summary>Where logs, topic configs and group offsets live.</summary>
    public string DataDirectory { get; init; } = Path.Combine("data", "broker");

    /// <summary>num.partitions: partitions of auto-created topics.</summary>
    public int DefaultPartitions { get; init; } = 1;

    /// <summary>auto.create.topics.enable (default on, as in Kafka).</summary>
    public bool AutoCreateTopics { get; init; } = true;

    /// <summary>
    /// When partition logs fsync. Every acknowledged batch is written to its segment file before the answer, so
    /// kill -9 loses nothing acknowledged in any mode; the mode decides what a power loss can take:
    /// Never (OS decides, fastest), Interval (at most <see cref="FlushIntervalMs"/> of writes), EveryBatch (nothing).
    /// </summary>
    public FlushMode FlushMode { get; init; } = FlushMode.Never;

    public int FlushIntervalMs { get; init; } = 1000;

    /// <summary>How often produce/fetch counts go to the activity sink (lineage), in milliseconds.</summary>
    public int ActivityHandOverMs { get; init; } = 5000;

    /// <summary>group.initial.rebalance.delay.ms (default 3000).</summary>
    public int GroupInitialRebalanceDelayMs { get; init; } = 3000;

    /// <summary>
    /// The most record bytes one fetch answer carries per partition (default 256 KiB), when the client allows more
    /// (max.partition.fetch.bytes, 1 MiB by default in librdkafka and the Java client). A partition's first batch is
    /// returned whole even when larger (KIP-74). See <see cref="FetchMaxBytes"/> for why answers are kept small.
    /// </summary>
    public int FetchPartitionMaxBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// The most record bytes one fetch answer carries (default 4 MiB), when the client allows more (fetch.max.bytes,
    /// 50 MiB by default). librdkafka receives a whole fetch answer before it parses any of it, and asks again only
    /// afterwards: answers of a few megabytes let the transfer, the parsing and the application's consumption
    /// overlap, and are parsed while still in the processor's cache. With answers up to the clients' limits (tens
    /// of megabytes over many partitions) the benchmark consumed 10-20% slower (bench/Governance.Bench.Broker).
    /// </summary>
    public int FetchMaxBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>socket.request.max.bytes: larger frames close the connection (default 100 MiB, as Kafka).</summary>
    public int MaxFrameBytes { get; init; } = 100 * 1024 * 1024;
}
