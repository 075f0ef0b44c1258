namespace Governance.Storage.Entities;

/// <summary>
/// Table <c>lineage_edge_buckets</c>: the traffic of one lineage edge in one minute (bucket_minutes 1) or hour (60).
/// Times are Unix milliseconds (UTC) so both databases compare and sum them alike.
/// </summary>
public sealed class LineageEdgeBucketRow
{
    public string FromNode { get; set; } = string.Empty;

    public string ToNode { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public int BucketMinutes { get; set; }

    public long BucketStartMs { get; set; }

    public long Records { get; set; }

    public long Bytes { get; set; }

    public long FirstSeenMs { get; set; }

    public long LastSeenMs { get; set; }
}
