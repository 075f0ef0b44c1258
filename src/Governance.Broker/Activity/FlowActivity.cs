namespace Governance.Broker.Activity;

/// <summary>
/// What one client produced to or fetched from one partition: the counters of the (client, principal, topic, partition,
/// direction) since the broker started, with the consumer group the client is a member of where known.
/// </summary>
public sealed record FlowActivity(
    string ClientId,
    string? SoftwareName,
    string? SoftwareVersion,
    string Principal,
    string Topic,
    int Partition,
    ActivityDirection Direction,
    long Records,
    long Bytes,
    string? Group,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
