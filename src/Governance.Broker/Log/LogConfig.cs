namespace Governance.Broker.Log;

/// <summary>
/// How one partition log behaves: Kafka's topic-level configs that concern storage (segment.bytes, retention.ms,
/// retention.bytes, cleanup.policy, index.interval.bytes, message.timestamp.type) plus this broker's flush policy.
/// </summary>
public sealed record LogConfig
{
    /// <summary>segment.bytes: roll to a new segment file once the active one would exceed this (Kafka default 1 GiB).</summary>
    public int SegmentBytes { get; init; } = 1024 * 1024 * 1024;

    /// <summary>retention.ms: delete whole segments whose newest record is older than this; -1 keeps them forever (default 7 days).</summary>
    public long RetentionMs { get; init; } = 7L * 24 * 60 * 60 * 1000;

    /// <summary>retention.bytes: delete the oldest segments while the partition is larger than this; -1 means no limit.</summary>
    public long RetentionBytes { get; init; } = -1;

    /// <summary>cleanup.policy contains "delete": retention applies. Only "delete" is implemented; "compact" alone keeps everything.</summary>
    public bool DeleteRetention { get; init; } = true;

    /// <summary>index.interval.bytes: one offset and time index entry per this many bytes of log (Kafka default 4096).</summary>
    public int IndexIntervalBytes { get; init; } = 4096;

    /// <summary>message.timestamp.type=LogAppendTime: the broker stamps batches with its own clock.</summary>
    public bool LogAppendTime { get; init; }

    public FlushMode FlushMode { get; init; } = FlushMode.Never;

    /// <summary>With <see cref="FlushMode.Interval"/>, the longest time between two fsyncs.</summary>
    public int FlushIntervalMs { get; init; } = 1000;
}
