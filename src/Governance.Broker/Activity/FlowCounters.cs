namespace Governance.Broker.Activity;

/// <summary>The live counters of one (client, principal, topic, partition, direction) flow; updated with interlocked operations.</summary>
internal sealed class FlowCounters
{
    private long _records;
    private long _bytes;
    private long _lastSeenTicks;

    public FlowCounters(FlowKey key, string? softwareName, string? softwareVersion, DateTimeOffset now)
    {
        Key = key;
        SoftwareName = softwareName;
        SoftwareVersion = softwareVersion;
        FirstSeen = now;
        _lastSeenTicks = now.UtcTicks;
    }

    public FlowKey Key { get; }

    public string? SoftwareName { get; set; }

    public string? SoftwareVersion { get; set; }

    public DateTimeOffset FirstSeen { get; }

    public void Add(long records, long bytes, DateTimeOffset now)
    {
        Interlocked.Add(ref _records, records);
        Interlocked.Add(ref _bytes, bytes);
        Volatile.Write(ref _lastSeenTicks, now.UtcTicks);
    }

    public FlowActivity ToActivity(string? group) => new(
        Key.ClientId,
        SoftwareName,
        SoftwareVersion,
        Key.Principal,
        Key.Topic,
        Key.Partition,
        Key.Direction,
        Interlocked.Read(ref _records),
        Interlocked.Read(ref _bytes),
        group,
        FirstSeen,
        new DateTimeOffset(Volatile.Read(ref _lastSeenTicks), TimeSpan.Zero));
}

/// <summary>What a flow is counted by.</summary>
internal readonly record struct FlowKey(string ClientId, string Principal, string Topic, int Partition, ActivityDirection Direction);
