using Governance.Lineage.Recording;
using Governance.Lineage.Storage;

namespace Governance.Lineage.Graph;

/// <summary>Answers lineage graphs from the stored buckets plus the recorder's pending ones.</summary>
public sealed class LineageQuery(LineageRecorder recorder, TimeProvider time) : ILineageQuery
{
    public async Task<LineageGraph> GetGraphAsync(DateTimeOffset from, DateTimeOffset to, string? focus, int depth, CancellationToken cancellationToken)
    {
        if (from > to)
        {
            throw new ArgumentException($"The window's start {from:O} is after its end {to:O}.", nameof(from));
        }

        if (depth is < 0 or > ILineageQuery.MaxDepth)
        {
            throw new ArgumentException($"depth must be between 0 and {ILineageQuery.MaxDepth}, not {depth}.", nameof(depth));
        }

        var now = time.GetUtcNow();
        to = to > now ? now : to;
        from = from > to ? to : from;
        var (edges, nodes) = await recorder.ReadAsync(
            async (store, pendingBuckets, pendingNodes) =>
            {
                var stored = await store.ReadBucketsAsync(from, to, cancellationToken).ConfigureAwait(false);
                var edges = SumEdges(stored.Concat(pendingBuckets.Where(b => b.Start <= to && b.End > from)));
                if (focus is not null)
                {
                    edges = WithinReach(edges, focus, depth);
                }

                var ids = edges.SelectMany(e => new[] { e.From, e.To }).Append(focus).OfType<string>().ToHashSet(StringComparer.Ordinal);
                var nodes = (await store.ReadNodesAsync(ids, cancellationToken).ConfigureAwait(false)).ToDictionary(n => n.Id, StringComparer.Ordinal);
                foreach (var node in pendingNodes.Where(n => ids.Contains(n.Id)))
                {
                    nodes[node.Id] = nodes.TryGetValue(node.Id, out var stored2) ? Merge(stored2, node) : node;
                }

                return (edges, ids.Select(id => ToNode(id, nodes.GetValueOrDefault(id))).OfType<LineageNode>().OrderBy(n => n.Id, StringComparer.Ordinal).ToList());
            },
            cancellationToken).ConfigureAwait(false);
        return new LineageGraph(from, to, nodes, edges);
    }

    public Task<bool> IsKnownAsync(string nodeId, CancellationToken cancellationToken) =>
        recorder.ReadAsync(
            async (store, _, pendingNodes) => pendingNodes.Any(n => n.Id == nodeId)
                || (await store.ReadNodesAsync([nodeId], cancellationToken).ConfigureAwait(false)).Count > 0,
            cancellationToken);

    private static List<LineageEdge> SumEdges(IEnumerable<EdgeBucket> buckets) =>
        [.. buckets
            .GroupBy(b => b.Edge)
            .Select(g => new LineageEdge(g.Key.From, g.Key.To, g.Key.Kind, g.Sum(b => b.Records), g.Sum(b => b.Bytes), g.Min(b => b.FirstSeen), g.Max(b => b.LastSeen)))
            .OrderBy(e => e.From, StringComparer.Ordinal)
            .ThenBy(e => e.To, StringComparer.Ordinal)
            .ThenBy(e => e.Kind, StringComparer.Ordinal)];

    // The edges between nodes within depth steps of the focus, edges followed in either direction.
    private static List<LineageEdge> WithinReach(List<LineageEdge> edges, string focus, int depth)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { focus };
        var frontier = new List<string> { focus };
        for (var step = 0; step < depth && frontier.Count > 0; step++)
        {
            frontier = [.. edges
                .SelectMany(e => frontier.Contains(e.From) ? [e.To] : frontier.Contains(e.To) ? new[] { e.From } : [])
                .Where(reached.Add)];
        }

        return [.. edges.Where(e => reached.Contains(e.From) && reached.Contains(e.To))];
    }

    private static NodeRecord Merge(NodeRecord stored, NodeRecord pending) => pending with
    {
        Attributes = stored.Attributes.Concat(pending.Attributes).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
    };

    private static LineageNode? ToNode(string id, NodeRecord? record)
    {
        if (record is not null)
        {
            return new LineageNode(record.Id, record.Kind, record.Name, record.Attributes);
        }

        return NodeIds.Parse(id) is { } parsed ? new LineageNode(id, parsed.Kind, parsed.Name, new Dictionary<string, string>()) : null;
    }
}
