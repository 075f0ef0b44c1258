using Governance.Kafka.Protocol.Records;

namespace Governance.Broker.Log;

public sealed partial class PartitionLog
{
    /// <summary>
    /// Reads whole batches starting with the one that contains <paramref name="fetchOffset"/>, up to
    /// <paramref name="maxBytes"/>, but always at least one batch when there is one, even above the limit (KIP-74).
    /// The batches come from one segment; the next read continues in the next. They are not read here: the result
    /// is a <see cref="SegmentSlice"/> of the segment file, which a connection sends with sendfile, and
    /// <see cref="LogReadResult.Release"/> ends its hold on the file.
    /// </summary>
    /// <exception cref="OffsetOutOfRangeException">The offset is below the log start or above the log end.</exception>
    public LogReadResult Read(long fetchOffset, int maxBytes)
    {
        while (true)
        {
            var segments = Volatile.Read(ref _segments);
            var logEnd = LogEndOffset;
            var logStart = segments[0].BaseOffset;
            if (fetchOffset < logStart || fetchOffset > logEnd)
            {
                throw new OffsetOutOfRangeException(fetchOffset, logStart, logEnd);
            }

            try
            {
                return ReadFrom(segments, fetchOffset, maxBytes, logEnd, logStart);
            }
            catch (ObjectDisposedException) when (!_disposed)
            {
                // Retention deleted the segment under us: look again (the offset may now be out of range).
            }
        }
    }

    /// <summary>
    /// The first offset whose record timestamp is at or after <paramref name="timestamp"/> (ListOffsets by timestamp),
    /// or <see langword="null"/> when every record is older.
    /// </summary>
    public TimestampOffset? OffsetForTimestamp(long timestamp)
    {
        foreach (var segment in Volatile.Read(ref _segments))
        {
            if (segment.MaxTimestamp < timestamp)
            {
                continue;
            }

            var position = segment.FindBatchByTimestamp(timestamp);
            if (position >= 0 && segment.ReadHeader(position) is { } header)
            {
                return FirstRecordAtOrAfter(segment, position, header, timestamp);
            }
        }

        return null;
    }

    /// <summary>The largest timestamp in the log and the offset of its record (ListOffsets with timestamp -3, KIP-734), or null when empty.</summary>
    public TimestampOffset? MaxTimestamp()
    {
        var segments = Volatile.Read(ref _segments);
        var newest = segments.Where(segment => segment.Size > 0).MaxBy(segment => segment.MaxTimestamp);
        return newest is null ? null : OffsetForTimestampIn(newest, newest.MaxTimestamp);
    }

    /// <summary>The headers of the batches from the one containing <paramref name="fromOffset"/> to the log end (producer state replay).</summary>
    internal IEnumerable<RecordBatchHeader> BatchHeaders(long fromOffset)
    {
        foreach (var segment in Volatile.Read(ref _segments))
        {
            if (segment.NextOffset <= fromOffset)
            {
                continue;
            }

            var position = segment.FindBatch(fromOffset);
            while (position >= 0 && segment.ReadHeader(position) is { } header)
            {
                yield return header;
                position += header.TotalSize;
            }
        }
    }

    private static LogReadResult ReadFrom(LogSegment[] segments, long fetchOffset, int maxBytes, long logEnd, long logStart)
    {
        var segmentIndex = Array.FindLastIndex(segments, segment => segment.BaseOffset <= fetchOffset);
        for (var i = Math.Max(segmentIndex, 0); i < segments.Length; i++)
        {
            var segment = segments[i];
            var position = segment.FindBatch(fetchOffset);
            if (position < 0 || segment.ReadHeader(position) is not { } first)
            {
                continue;
            }

            if (first.BaseOffset >= logEnd)
            {
                // Appended after this read began: above the high watermark it reports.
                break;
            }

            // KIP-74: the first batch is returned whole even when it is larger than maxBytes.
            var (end, nextOffset) = segment.WholeBatchesEnd(position, first, position + Math.Max(first.TotalSize, (long)maxBytes), logEnd);
            var slice = segment.Slice(position, checked((int)(end - position)));
            return new LogReadResult(slice.Memory, logEnd, logStart)
            {
                RecordCount = nextOffset - first.BaseOffset,
                ReachedLogEnd = nextOffset >= logEnd,
                Slice = slice,
            };
        }

        return new LogReadResult(ReadOnlyMemory<byte>.Empty, logEnd, logStart) { ReachedLogEnd = true };
    }

    private static TimestampOffset? OffsetForTimestampIn(LogSegment segment, long timestamp)
    {
        var position = segment.FindBatchByTimestamp(timestamp);
        return position >= 0 && segment.ReadHeader(position) is { } header ? FirstRecordAtOrAfter(segment, position, header, timestamp) : null;
    }

    // Within the batch whose max timestamp reaches the target, the first record that does (for LogAppendTime batches every
    // record has the batch's timestamp). A batch that cannot be read record by record answers with its base offset.
    private static TimestampOffset FirstRecordAtOrAfter(LogSegment segment, long position, RecordBatchHeader header, long timestamp)
    {
        if (header.IsLogAppendTime)
        {
            return new TimestampOffset(header.MaxTimestamp, header.BaseOffset);
        }

        try
        {
            foreach (var record in RecordBatch.ReadRecords(segment.ReadBatch(position, header)))
            {
                var recordTimestamp = header.BaseTimestamp + record.TimestampDelta;
                if (recordTimestamp >= timestamp)
                {
                    return new TimestampOffset(recordTimestamp, header.BaseOffset + record.OffsetDelta);
                }
            }
        }
        catch (RecordBatchFormatException)
        {
            // Compressed with a codec this machine cannot decode: batch granularity is the best answer.
        }

        return new TimestampOffset(header.MaxTimestamp, header.BaseOffset);
    }
}
