using Governance.Lineage.Graph;

namespace Governance.Lineage.Storage;

/// <summary>
/// Where lineage keeps its edge buckets and nodes. Adding is additive: a bucket that exists gets the counts added
/// (several instances writing to one database neither lose nor double count), its first seen the earlier and last
/// seen the later of both.
/// </summary>
public interface ILineageStore
{
    /// <summary>Adds minute buckets and upserts nodes (attributes replaced by the given ones), in one transaction.</summary>
    Task AddAsync(IReadOnlyCollection<EdgeBucket> buckets, IReadOnlyCollection<NodeRecord> nodes, CancellationToken cancellationToken);

    /// <summary>Every bucket (minute or hour) overlapping [from, to]: starting at or before to, ending after from.</summary>
    Task<IReadOnlyList<EdgeBucket>> ReadBucketsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The nodes with these ids that exist.</summary>
    Task<IReadOnlyList<NodeRecord>> ReadNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Sums the minute buckets that start before <paramref name="before"/> into hour buckets and deletes them; returns the hour buckets written.</summary>
    Task<int> RollUpAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes every bucket that ends at or before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>A lineage node as stored: its id, kind, name, attributes and when it was last seen.</summary>
public sealed record NodeRecord(string Id, string Kind, string Name, IReadOnlyDictionary<string, string> Attributes, DateTimeOffset LastSeen);
