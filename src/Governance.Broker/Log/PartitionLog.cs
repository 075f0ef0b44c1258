namespace Governance.Broker.Log;

/// <summary>
/// One partition's append-only log: segment files named by their base offset (<c>00000000000000000000.log</c>), each with a
/// sparse offset index (<c>.index</c>) and time index (<c>.timeindex</c>), in the partition's own directory
/// (Kafka's log layout, docs/implementation.html "Log"). Thread-safe: appends are serialized, reads run concurrently.
/// </summary>
public sealed partial class PartitionLog : IDisposable
{
    /// <summary>Opens (or creates) the log in <paramref name="directory"/>, recovering the active segment's tail.</summary>
    public static PartitionLog Open(string directory, LogConfig config, TimeProvider? time = null) =>
        throw new NotImplementedException();

    /// <summary>The partition's directory.</summary>
    public string Directory => throw new NotImplementedException();

    /// <summary>The first offset still in the log (advances when retention deletes old segments).</summary>
    public long LogStartOffset => throw new NotImplementedException();

    /// <summary>The offset the next appended record gets.</summary>
    public long LogEndOffset => throw new NotImplementedException();

    /// <summary>On one node every appended record is committed, so the high watermark is the log end offset.</summary>
    public long HighWatermark => LogEndOffset;

    /// <summary>The bytes of all segment files.</summary>
    public long SizeInBytes => throw new NotImplementedException();

    /// <summary>The storage configuration now in force; <see cref="Reconfigure"/> changes it.</summary>
    public LogConfig Config => throw new NotImplementedException();

    /// <summary>
    /// Appends already validated batches (<see cref="Governance.Kafka.Protocol.Records.RecordBatch.ValidateAll"/>): assigns
    /// consecutive offsets by rewriting each batch's baseOffset in <paramref name="batches"/>, stamps the partition leader
    /// epoch (0) and, for LogAppendTime topics, the broker time; writes the bytes to the active segment file (rolling a new
    /// segment when segment.bytes would be exceeded) before returning, and fsyncs as the flush policy says.
    /// </summary>
    public LogAppendInfo Append(Memory<byte> batches) => throw new NotImplementedException();

    /// <summary>Completes when the log end offset passes <paramref name="offset"/> (for Fetch long polling), or at cancellation.</summary>
    public Task WaitForDataAsync(long offset, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>
    /// Reads whole batches starting with the one that contains <paramref name="fetchOffset"/>, up to
    /// <paramref name="maxBytes"/>, but always at least one batch when there is one, even above the limit (KIP-74).
    /// </summary>
    /// <exception cref="OffsetOutOfRangeException">The offset is below the log start or above the log end.</exception>
    public LogReadResult Read(long fetchOffset, int maxBytes) => throw new NotImplementedException();

    /// <summary>
    /// The first offset whose record timestamp is at or after <paramref name="timestamp"/> (ListOffsets by timestamp),
    /// or <see langword="null"/> when every record is older.
    /// </summary>
    public TimestampOffset? OffsetForTimestamp(long timestamp) => throw new NotImplementedException();

    /// <summary>The largest timestamp in the log and the offset of its record (ListOffsets with timestamp -3, KIP-734), or null when empty.</summary>
    public TimestampOffset? MaxTimestamp() => throw new NotImplementedException();

    /// <summary>
    /// Deletes whole old segments as retention.ms and retention.bytes say (cleanup.policy=delete), never the active
    /// segment; the log start offset advances to the first remaining segment. Returns how many segments were deleted.
    /// </summary>
    public int EnforceRetention() => throw new NotImplementedException();

    /// <summary>Forces written bytes to disk (fsync) now, whatever the flush policy.</summary>
    public void Flush() => throw new NotImplementedException();

    /// <summary>Applies a changed topic configuration (segment size, retention, flush policy, timestamp type).</summary>
    public void Reconfigure(LogConfig config) => throw new NotImplementedException();

    /// <summary>Closes the files and deletes the partition's directory (topic deletion).</summary>
    public void Delete() => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
