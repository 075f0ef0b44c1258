namespace Governance.Broker.Groups;

/// <summary>The group coordinator's settings (Kafka's group.* broker configs).</summary>
public sealed record GroupCoordinatorOptions
{
    /// <summary>Where committed offsets are persisted (one file per group under <c>groups/</c>).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>group.initial.rebalance.delay.ms: how long the first rebalance of an empty group waits for more members (default 3000).</summary>
    public int InitialRebalanceDelayMs { get; init; } = 3000;

    /// <summary>group.min.session.timeout.ms (default 6000).</summary>
    public int MinSessionTimeoutMs { get; init; } = 6000;

    /// <summary>group.max.session.timeout.ms (default 1,800,000).</summary>
    public int MaxSessionTimeoutMs { get; init; } = 1_800_000;

    /// <summary>offset.metadata.max.bytes: longer commit metadata gets OFFSET_METADATA_TOO_LARGE (default 4096).</summary>
    public int MaxOffsetMetadataBytes { get; init; } = 4096;
}
