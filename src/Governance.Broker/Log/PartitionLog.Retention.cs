namespace Governance.Broker.Log;

public sealed partial class PartitionLog
{
    /// <summary>
    /// Deletes whole old segments as retention.ms and retention.bytes say (cleanup.policy=delete); the log start offset
    /// advances to the first remaining segment. When even the active segment is past retention.ms, a new empty segment is
    /// rolled first so that the old one can go. Returns how many segments were deleted.
    /// </summary>
    public int EnforceRetention()
    {
        var config = Config;
        if (!config.DeleteRetention)
        {
            return 0;
        }

        LogSegment[] deleted;
        lock (_appendLock)
        {
            if (_disposed)
            {
                return 0;
            }

            var now = _time.GetUtcNow();
            if (_segments[^1].Size > 0 && IsExpired(_segments[^1], config, now))
            {
                // Everything is expired, the active segment too: roll so that it can go (as Kafka does), and the log
                // start offset moves to the log end.
                Roll();
            }

            var segments = _segments;
            var totalSize = segments.Sum(segment => segment.Size);
            var keepFrom = 0;
            while (keepFrom < segments.Length - 1 && (IsExpired(segments[keepFrom], config, now) || IsOverSize(segments[keepFrom], totalSize, config)))
            {
                totalSize -= segments[keepFrom].Size;
                keepFrom++;
            }

            deleted = segments[..keepFrom];
            Volatile.Write(ref _segments, segments[keepFrom..]);
        }

        foreach (var segment in deleted)
        {
            segment.Delete();
        }

        return deleted.Length;
    }

    // retention.ms: the segment's newest record is older than the limit (Kafka uses the largest timestamp in the segment,
    // or the file's modification time when its batches carry none).
    private static bool IsExpired(LogSegment segment, LogConfig config, DateTimeOffset now)
    {
        if (config.RetentionMs < 0)
        {
            return false;
        }

        var newest = segment.MaxTimestamp >= 0 ? segment.MaxTimestamp : segment.LastModified.ToUnixTimeMilliseconds();
        return now.ToUnixTimeMilliseconds() - newest > config.RetentionMs;
    }

    // retention.bytes: deleting the segment still leaves the partition at or above the limit (Kafka's size-based rule).
    private static bool IsOverSize(LogSegment segment, long totalSize, LogConfig config) =>
        config.RetentionBytes >= 0 && totalSize - segment.Size >= config.RetentionBytes;
}
