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

    /// <summary>group.initial.rebalance.delay.ms (default 3000).</summary>
    public int GroupInitialRebalanceDelayMs { get; init; } = 3000;

    /// <summary>socket.request.max.bytes: larger frames close the connection (default 100 MiB, as Kafka).</summary>
    public int MaxFrameBytes { get; init; } = 100 * 1024 * 1024;
}
