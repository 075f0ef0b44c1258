namespace Governance.Broker.Log;

/// <summary>
/// What a fetch read from a partition: whole record batches starting with the one that contains the fetch offset
/// (possibly empty when the fetch offset is the log end), plus the offsets a Fetch response reports.
/// </summary>
/// <param name="Records">Batches exactly as stored; empty when nothing is at or after the fetch offset.</param>
/// <param name="HighWatermark">The log end offset (on one node every appended record is committed).</param>
/// <param name="LogStartOffset">The first offset still in the log.</param>
public readonly record struct LogReadResult(ReadOnlyMemory<byte> Records, long HighWatermark, long LogStartOffset)
{
    /// <summary>Records in <see cref="Records"/>, those before the fetch offset in the first batch included.</summary>
    public long RecordCount { get; init; }

    /// <summary>
    /// Whether the read went as far as the log end (rather than stopping at the size limit): only then can records
    /// appended later make the same read larger (Fetch long polling).
    /// </summary>
    public bool ReachedLogEnd { get; init; }

    /// <summary>The segment file range <see cref="Records"/> stands for, when there are records.</summary>
    internal SegmentSlice? Slice { get; init; }

    /// <summary>
    /// Ends the hold on the segment file once the records have been sent; <see cref="Records"/> must not be used
    /// afterwards. Not calling it keeps a deleted segment's file open until the process ends.
    /// </summary>
    public void Release() => ((IDisposable?)Slice)?.Dispose();
}
