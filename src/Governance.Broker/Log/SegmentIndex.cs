using System.Buffers.Binary;

namespace Governance.Broker.Log;

/// <summary>
/// The sparse offset index and time index of one segment, kept in memory and mirrored to two files in Kafka's layout
/// (docs/implementation.html "Log"): <c>.index</c> holds 8-byte entries (relative offset int32, file position int32),
/// <c>.timeindex</c> 12-byte entries (timestamp int64, relative offset int32), both big-endian. An entry is added for a
/// batch once <see cref="LogConfig.IndexIntervalBytes"/> bytes were written since the previous entry; its timestamp is the
/// largest timestamp of the segment before that batch, so every batch before an entry is older than the entry's timestamp
/// allows (the lookup for ListOffsets by timestamp starts from the last entry older than the target).
/// </summary>
internal sealed class SegmentIndex : IDisposable
{
    private const int OffsetEntrySize = 8;
    private const int TimeEntrySize = 12;

    private readonly string _offsetIndexPath;
    private readonly string _timeIndexPath;
    private readonly List<IndexEntry> _entries = [];
    private readonly Lock _lock = new();
    private FileStream? _offsetFile;
    private FileStream? _timeFile;

    private SegmentIndex(string offsetIndexPath, string timeIndexPath)
    {
        _offsetIndexPath = offsetIndexPath;
        _timeIndexPath = timeIndexPath;
    }

    /// <summary>One index point: the batch at <see cref="Position"/> starts at <see cref="RelativeOffset"/>; every earlier batch's timestamps are at most <see cref="MaxTimestampBefore"/>.</summary>
    public readonly record struct IndexEntry(int RelativeOffset, int Position, long MaxTimestampBefore);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The last entry, or null when the index is empty.</summary>
    public IndexEntry? Last
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count == 0 ? null : _entries[^1];
            }
        }
    }

    /// <summary>Starts an empty index, truncating any files there.</summary>
    public static SegmentIndex CreateEmpty(string offsetIndexPath, string timeIndexPath)
    {
        var index = new SegmentIndex(offsetIndexPath, timeIndexPath);
        index.OpenFiles(truncate: true);
        return index;
    }

    /// <summary>
    /// Loads the index files when they are consistent with each other and with a segment of <paramref name="segmentSize"/> bytes;
    /// null when they are missing or inconsistent (the caller rebuilds the index by scanning the segment).
    /// </summary>
    public static SegmentIndex? TryLoad(string offsetIndexPath, string timeIndexPath, long segmentSize)
    {
        if (!File.Exists(offsetIndexPath) || !File.Exists(timeIndexPath))
        {
            return null;
        }

        var offsets = File.ReadAllBytes(offsetIndexPath);
        var times = File.ReadAllBytes(timeIndexPath);
        if (offsets.Length % OffsetEntrySize != 0 || times.Length % TimeEntrySize != 0 || offsets.Length / OffsetEntrySize != times.Length / TimeEntrySize)
        {
            return null;
        }

        var index = new SegmentIndex(offsetIndexPath, timeIndexPath);
        for (var i = 0; i < offsets.Length / OffsetEntrySize; i++)
        {
            var relativeOffset = BinaryPrimitives.ReadInt32BigEndian(offsets.AsSpan(i * OffsetEntrySize));
            var position = BinaryPrimitives.ReadInt32BigEndian(offsets.AsSpan((i * OffsetEntrySize) + 4));
            var timestamp = BinaryPrimitives.ReadInt64BigEndian(times.AsSpan(i * TimeEntrySize));
            var timeRelativeOffset = BinaryPrimitives.ReadInt32BigEndian(times.AsSpan((i * TimeEntrySize) + 8));
            var previous = index._entries.Count == 0 ? (IndexEntry?)null : index._entries[^1];
            if (timeRelativeOffset != relativeOffset || position < 0 || position >= segmentSize
                || (previous is { } p && (relativeOffset <= p.RelativeOffset || position <= p.Position)))
            {
                return null;
            }

            index._entries.Add(new IndexEntry(relativeOffset, position, timestamp));
        }

        index.OpenFiles(truncate: false);
        return index;
    }

    /// <summary>Adds an entry and appends it to both files (written through to the OS with the next flush).</summary>
    public void Add(IndexEntry entry)
    {
        Span<byte> offsetEntry = stackalloc byte[OffsetEntrySize];
        Span<byte> timeEntry = stackalloc byte[TimeEntrySize];
        BinaryPrimitives.WriteInt32BigEndian(offsetEntry, entry.RelativeOffset);
        BinaryPrimitives.WriteInt32BigEndian(offsetEntry[4..], entry.Position);
        BinaryPrimitives.WriteInt64BigEndian(timeEntry, entry.MaxTimestampBefore);
        BinaryPrimitives.WriteInt32BigEndian(timeEntry[8..], entry.RelativeOffset);
        lock (_lock)
        {
            _entries.Add(entry);
            _offsetFile!.Write(offsetEntry);
            _timeFile!.Write(timeEntry);
        }
    }

    /// <summary>The last entry at or before <paramref name="relativeOffset"/>, or null when the offset precedes every entry (start at position 0).</summary>
    public IndexEntry? FloorByOffset(long relativeOffset) => Floor(entry => entry.RelativeOffset <= relativeOffset);

    /// <summary>The last entry whose batch starts at or before <paramref name="position"/>, or null (start at position 0).</summary>
    public IndexEntry? FloorByPosition(long position) => Floor(entry => entry.Position <= position);

    /// <summary>The last entry all of whose earlier batches are older than <paramref name="timestamp"/>, or null (start at position 0).</summary>
    public IndexEntry? FloorByTimestamp(long timestamp) => Floor(entry => entry.MaxTimestampBefore < timestamp);

    // Binary search for the last entry that satisfies a predicate which holds for a prefix of the entries
    // (relative offsets increase, and MaxTimestampBefore never decreases).
    private IndexEntry? Floor(Func<IndexEntry, bool> isAtOrBefore)
    {
        lock (_lock)
        {
            var low = 0;
            var high = _entries.Count - 1;
            IndexEntry? found = null;
            while (low <= high)
            {
                var middle = (low + high) >>> 1;
                if (isAtOrBefore(_entries[middle]))
                {
                    found = _entries[middle];
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return found;
        }
    }

    /// <summary>Pushes buffered entries to the files (and to disk when <paramref name="toDisk"/>).</summary>
    public void Flush(bool toDisk)
    {
        lock (_lock)
        {
            _offsetFile?.Flush(toDisk);
            _timeFile?.Flush(toDisk);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _offsetFile?.Dispose();
            _timeFile?.Dispose();
            _offsetFile = null;
            _timeFile = null;
        }
    }

    public void DeleteFiles()
    {
        Dispose();
        File.Delete(_offsetIndexPath);
        File.Delete(_timeIndexPath);
    }

    private void OpenFiles(bool truncate)
    {
        var mode = truncate ? FileMode.Create : FileMode.Append;
        _offsetFile = new FileStream(_offsetIndexPath, mode, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 4096);
        _timeFile = new FileStream(_timeIndexPath, mode, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 4096);
    }
}
