namespace Governance.Broker.Activity;

/// <summary>Sums the drained counters of every connection for one hand-over (connections of one client add up).</summary>
internal sealed class TrafficAccumulator
{
    private readonly Dictionary<FlowKey, Sum> _flows = [];
    private readonly Dictionary<SchemaKey, Sum> _schemaIds = [];

    public bool IsEmpty => _flows.Count == 0 && _schemaIds.Count == 0;

    public void AddFlow(FlowKey key, long records, long bytes, DateTimeOffset first, DateTimeOffset last) =>
        _flows[key] = _flows.TryGetValue(key, out var sum) ? sum.Add(records, bytes, first, last) : new Sum(records, bytes, first, last);

    public void AddSchemaId(SchemaKey key, long records, DateTimeOffset first, DateTimeOffset last) =>
        _schemaIds[key] = _schemaIds.TryGetValue(key, out var sum) ? sum.Add(records, 0, first, last) : new Sum(records, 0, first, last);

    /// <param name="groupOf">The consumer group a client consumes a topic in, or null.</param>
    public TrafficBatch ToBatch(DateTimeOffset from, DateTimeOffset to, Func<string, string, string?> groupOf) => new(
        from,
        to,
        [.. _flows.Select(pair => new TrafficCount(
            pair.Key.ClientId,
            pair.Key.Principal,
            pair.Key.Topic,
            pair.Key.Partition,
            pair.Key.Direction,
            pair.Key.Direction == ActivityDirection.Fetch ? groupOf(pair.Key.ClientId, pair.Key.Topic) : null,
            pair.Value.Records,
            pair.Value.Bytes,
            pair.Value.First,
            pair.Value.Last))],
        [.. _schemaIds.Select(pair => new SchemaIdCount(
            pair.Key.ClientId, pair.Key.Topic, pair.Key.Part, pair.Key.SchemaId, pair.Value.Records, pair.Value.First, pair.Value.Last))]);

    private readonly record struct Sum(long Records, long Bytes, DateTimeOffset First, DateTimeOffset Last)
    {
        public Sum Add(long records, long bytes, DateTimeOffset first, DateTimeOffset last) =>
            new(Records + records, Bytes + bytes, first < First ? first : First, last > Last ? last : Last);
    }
}
