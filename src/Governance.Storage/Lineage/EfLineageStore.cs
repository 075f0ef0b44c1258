using System.Text.Json;
using Governance.Lineage.Graph;
using Governance.Lineage.Storage;
using Governance.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Governance.Storage.Lineage;

/// <summary>
/// Lineage buckets and nodes in the Governance database. Adding is one upsert per bucket that adds to the stored counts
/// (INSERT ... ON CONFLICT DO UPDATE SET records = records + excluded.records), so that several instances writing the
/// same edge and minute neither lose nor double count. Roll-up moves minutes into hours: on PostgreSQL with one
/// DELETE ... RETURNING feeding the hour upsert, so that concurrent writers and roll-ups of other instances neither lose
/// nor double count (a concurrency test proves it).
/// </summary>
internal sealed class EfLineageStore(IDbContextFactory<GovernanceDbContext> contexts, StorageSettings settings) : ILineageStore
{
    private const int Minute = 1;
    private const int Hour = 60;

    private bool IsPostgres => settings.Provider == StorageProvider.PostgreSql;

    private string Least => IsPostgres ? "LEAST" : "min";

    private string Greatest => IsPostgres ? "GREATEST" : "max";

    public async Task AddAsync(IReadOnlyCollection<EdgeBucket> buckets, IReadOnlyCollection<NodeRecord> nodes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var upsert = $$"""
            INSERT INTO lineage_edge_buckets (from_node, to_node, kind, bucket_minutes, bucket_start_ms, records, bytes, first_seen_ms, last_seen_ms)
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})
            ON CONFLICT (from_node, to_node, kind, bucket_minutes, bucket_start_ms) DO UPDATE SET
                records = lineage_edge_buckets.records + excluded.records,
                bytes = lineage_edge_buckets.bytes + excluded.bytes,
                first_seen_ms = {{Least}}(lineage_edge_buckets.first_seen_ms, excluded.first_seen_ms),
                last_seen_ms = {{Greatest}}(lineage_edge_buckets.last_seen_ms, excluded.last_seen_ms)
            """;
        foreach (var bucket in buckets)
        {
            await db.Database.ExecuteSqlRawAsync(
                upsert,
                [bucket.Edge.From, bucket.Edge.To, bucket.Edge.Kind, (int)bucket.Length.TotalMinutes, Ms(bucket.Start), bucket.Records, bucket.Bytes, Ms(bucket.FirstSeen), Ms(bucket.LastSeen)],
                cancellationToken).ConfigureAwait(false);
        }

        await UpsertNodesAsync(db, nodes, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EdgeBucket>> ReadBucketsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var fromMs = Ms(from);
        var toMs = Ms(to);
        var earliestStart = fromMs - (Hour * 60_000L);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.LineageEdgeBuckets.AsNoTracking()
            .Where(b => b.BucketStartMs > earliestStart && b.BucketStartMs <= toMs && b.BucketStartMs + (b.BucketMinutes * 60_000L) > fromMs)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToBucket)];
    }

    public async Task<IReadOnlyList<NodeRecord>> ReadNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await ReadNodesAsync(db, ids, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RollUpAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var beforeMs = Ms(before);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var sumIntoHours = $$"""
            INSERT INTO lineage_edge_buckets (from_node, to_node, kind, bucket_minutes, bucket_start_ms, records, bytes, first_seen_ms, last_seen_ms)
            SELECT from_node, to_node, kind, {{Hour}}, bucket_start_ms - (bucket_start_ms % 3600000), sum(records), sum(bytes), min(first_seen_ms), max(last_seen_ms)
            FROM {0}
            GROUP BY from_node, to_node, kind, bucket_start_ms - (bucket_start_ms % 3600000)
            ON CONFLICT (from_node, to_node, kind, bucket_minutes, bucket_start_ms) DO UPDATE SET
                records = lineage_edge_buckets.records + excluded.records,
                bytes = lineage_edge_buckets.bytes + excluded.bytes,
                first_seen_ms = {{Least}}(lineage_edge_buckets.first_seen_ms, excluded.first_seen_ms),
                last_seen_ms = {{Greatest}}(lineage_edge_buckets.last_seen_ms, excluded.last_seen_ms)
            """;
        int written;
        if (IsPostgres)
        {
            // One statement: the hours get exactly the rows the DELETE removed, including counts a concurrent writer
            // added to them meanwhile (READ COMMITTED re-reads an updated row before deleting it).
            var moveMinutes = $$"""
                WITH moved AS (
                    DELETE FROM lineage_edge_buckets WHERE bucket_minutes = {{Minute}} AND bucket_start_ms < {0}
                    RETURNING from_node, to_node, kind, bucket_start_ms, records, bytes, first_seen_ms, last_seen_ms)
                {{sumIntoHours.Replace("{0}", "moved", StringComparison.Ordinal)}}
                """;
            written = await db.Database.ExecuteSqlRawAsync(moveMinutes, [beforeMs], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // SQLite has one writer at a time: nothing changes the minutes between the two statements.
            var minutes = $"(SELECT * FROM lineage_edge_buckets WHERE bucket_minutes = {Minute} AND bucket_start_ms < {{0}} AND true)";
            written = await db.Database.ExecuteSqlRawAsync(sumIntoHours.Replace("{0}", minutes, StringComparison.Ordinal), [beforeMs], cancellationToken).ConfigureAwait(false);
            await db.LineageEdgeBuckets.Where(b => b.BucketMinutes == Minute && b.BucketStartMs < beforeMs)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var beforeMs = Ms(before);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.LineageEdgeBuckets.Where(b => b.BucketStartMs + (b.BucketMinutes * 60_000L) <= beforeMs)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    // Attributes merge with the stored ones (the given win); last seen only moves forward.
    private async Task UpsertNodesAsync(GovernanceDbContext db, IReadOnlyCollection<NodeRecord> nodes, CancellationToken cancellationToken)
    {
        var stored = (await ReadNodesAsync(db, [.. nodes.Select(n => n.Id)], cancellationToken).ConfigureAwait(false)).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var upsert = $$"""
            INSERT INTO lineage_nodes (id, kind, name, attributes_json, last_seen_ms) VALUES ({0}, {1}, {2}, {3}, {4})
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, attributes_json = excluded.attributes_json,
                last_seen_ms = {{Greatest}}(lineage_nodes.last_seen_ms, excluded.last_seen_ms)
            """;
        foreach (var node in nodes)
        {
            var attributes = stored.TryGetValue(node.Id, out var existing)
                ? existing.Attributes.Concat(node.Attributes).GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal)
                : node.Attributes;
            await db.Database.ExecuteSqlRawAsync(
                upsert,
                [node.Id, node.Kind, node.Name, JsonSerializer.Serialize(attributes), Ms(node.LastSeen)],
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<NodeRecord>> ReadNodesAsync(GovernanceDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new List<NodeRecord>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.LineageNodes.AsNoTracking().Where(n => chunk.Contains(n.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            found.AddRange(rows.Select(ToNode));
        }

        return found;
    }

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static EdgeBucket ToBucket(LineageEdgeBucketRow row) => new(
        new EdgeKey(row.FromNode, row.ToNode, row.Kind), At(row.BucketStartMs), TimeSpan.FromMinutes(row.BucketMinutes), row.Records, row.Bytes, At(row.FirstSeenMs), At(row.LastSeenMs));

    private static NodeRecord ToNode(LineageNodeRow row) => new(
        row.Id, row.Kind, row.Name, JsonSerializer.Deserialize<Dictionary<string, string>>(row.AttributesJson) ?? [], At(row.LastSeenMs));
}
