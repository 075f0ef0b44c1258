namespace Governance.Broker.Activity;

/// <summary>
/// The running counters of one (client, topic, partition, direction) or (client, topic, part, schema id) on one
/// connection, updated with interlocked operations and drained at each hand-over.
/// </summary>
internal sealed class TrafficCell
{
    private long _records;
    private long _bytes;
    private long _firstSeenTicks;
    private long _lastSeenTicks;

    public void Add(long records, long bytes, long nowTicks)
    {
        Interlocked.Add(ref _records, records);
        Interlocked.Add(ref _bytes, bytes);
        Interlocked.CompareExchange(ref _firstSeenTicks, nowTicks, 0);
        Volatile.Write(ref _lastSeenTicks, nowTicks);
    }

    /// <summary>Takes the counts since the last drain; false when there were none.</summary>
    public bool TryDrain(out long records, out long bytes, out DateTimeOffset firstSeen, out DateTimeOffset lastSeen)
    {
        var first = Interlocked.Exchange(ref _firstSeenTicks, 0);
        records = Interlocked.Exchange(ref _records, 0);
        bytes = Interlocked.Exchange(ref _bytes, 0);
        var last = Volatile.Read(ref _lastSeenTicks);
        firstSeen = new DateTimeOffset(first == 0 ? last : first, TimeSpan.Zero);
        lastSeen = new DateTimeOffset(Math.Max(last, first), TimeSpan.Zero);
        return records != 0 || bytes != 0;
    }
}

/// <summary>What a connection's flow counters are keyed by.</summary>
internal readonly record struct FlowKey(string ClientId, string Principal, string Topic, int Partition, ActivityDirection Direction);

/// <summary>What a connection's schema id counters are keyed by.</summary>
internal readonly record struct SchemaKey(string ClientId, string Topic, RecordPart Part, int SchemaId);
