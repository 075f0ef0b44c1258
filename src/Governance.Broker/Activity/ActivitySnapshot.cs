namespace Governance.Broker.Activity;

/// <summary>A consistent-enough copy of everything the broker knows about who talks to it (for lineage and the HTTP endpoint).</summary>
public sealed record ActivitySnapshot(
    DateTimeOffset TakenAt,
    IReadOnlyList<ConnectionInfo> Connections,
    IReadOnlyList<FlowActivity> Flows,
    IReadOnlyList<GroupActivity> Groups);
