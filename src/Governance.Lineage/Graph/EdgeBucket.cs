namespace Governance.Lineage.Graph;

/// <summary>
/// The traffic of one edge within one time bucket: a minute, or an hour once rolled up.
/// </summary>
/// <param name="Start">The bucket's start (UTC, on the minute or hour).</param>
/// <param name="Length">One minute or one hour.</param>
public sealed record EdgeBucket(EdgeKey Edge, DateTimeOffset Start, TimeSpan Length, long Records, long Bytes, DateTimeOffset FirstSeen, DateTimeOffset LastSeen)
{
    public DateTimeOffset End => Start + Length;
}
