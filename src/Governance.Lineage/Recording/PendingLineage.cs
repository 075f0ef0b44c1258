using Governance.Lineage.Graph;
using Governance.Lineage.Storage;

namespace Governance.Lineage.Recording;

/// <summary>Minute buckets and nodes recorded in memory and not yet stored. Not thread-safe: the recorder locks.</summary>
internal sealed class PendingLineage
{
    private readonly Dictionary<(EdgeKey Edge, DateTimeOffset Minute), EdgeBucket> _buckets = [];
    private readonly Dictionary<string, NodeRecord> _nodes = new(StringComparer.Ordinal);

    public bool IsEmpty => _buckets.Count == 0 && _nodes.Count == 0;

    public IReadOnlyCollection<EdgeBucket> Buckets => _buckets.Values;

    public IReadOnlyCollection<NodeRecord> Nodes => _nodes.Values;

    public static DateTimeOffset MinuteOf(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    public void AddEdge(EdgeKey edge, long records, long bytes, DateTimeOffset firstSeen, DateTimeOffset lastSeen)
    {
        var minute = MinuteOf(lastSeen);
        firstSeen = firstSeen < minute ? minute : firstSeen;
        _buckets[(edge, minute)] = _buckets.TryGetValue((edge, minute), out var bucket)
            ? bucket with
            {
                Records = bucket.Records + records,
                Bytes = bucket.Bytes + bytes,
                FirstSeen = firstSeen < bucket.FirstSeen ? firstSeen : bucket.FirstSeen,
                LastSeen = lastSeen > bucket.LastSeen ? lastSeen : bucket.LastSeen,
            }
            : new EdgeBucket(edge, minute, TimeSpan.FromMinutes(1), records, bytes, firstSeen, lastSeen);
    }

    /// <summary>Adds or updates a node; attributes given here replace those of the same name.</summary>
    public void AddNode(string id, string kind, string name, IEnumerable<KeyValuePair<string, string?>> attributes, DateTimeOffset at)
    {
        var merged = _nodes.TryGetValue(id, out var existing)
            ? new Dictionary<string, string>(existing.Attributes, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in attributes)
        {
            if (value is not null)
            {
                merged[key] = value;
            }
        }

        _nodes[id] = new NodeRecord(id, kind, name, merged, existing is null || at > existing.LastSeen ? at : existing.LastSeen);
    }
}
