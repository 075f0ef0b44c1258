using Governance.Broker.Log;

namespace Governance.Broker.Topics;

/// <summary>Where topics live and the broker-level defaults for new topics (Kafka's broker configs of the same meaning).</summary>
public sealed record TopicManagerOptions
{
    /// <summary>The broker's data directory (e.g. <c>./data/broker</c>): one directory per partition, <c>&lt;topic&gt;-&lt;partition&gt;</c>, beside <c>topics/</c> configs.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>auto.create.topics.enable: Metadata and Produce create unknown topics (default on, as in Kafka).</summary>
    public bool AutoCreateTopicsEnable { get; init; } = true;

    /// <summary>num.partitions: partitions of auto-created topics and of CreateTopics with -1.</summary>
    public int DefaultPartitionCount { get; init; } = 1;

    /// <summary>The storage defaults of topics that do not override them (log.segment.bytes, log.retention.ms, flush policy...).</summary>
    public LogConfig DefaultLogConfig { get; init; } = new();

    /// <summary>How often retention is enforced (log.retention.check.interval.ms; default 5 minutes). Zero or less: only on demand.</summary>
    public TimeSpan RetentionCheckInterval { get; init; } = TimeSpan.FromMinutes(5);
}
