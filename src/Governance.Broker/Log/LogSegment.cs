using System.Buffers.Binary;
using System.Buffers;
using System.Globalization;
using Governance.Kafka.Protocol.Records;
using Microsoft.Win32.SafeHandles;

namespace Governance.Broker.Log;

/// <summary>
/// One segment of a partition log: the file <c>&lt;baseOffset:20 digits&gt;.log</c> of whole record batches, with its
/// sparse index. Only the last segment of a log (the active one) is appended to. Reads use positional I/O (pread) on a
/// shared handle, so they run concurrently with the single appender; readers see only bytes already published.
/// </summary>
internal sealed class LogSegment : IDisposable
{
    private readonly FileStream _file;
    private readonly SegmentIndex _index;
    private readonly Lock _leaseLock = new();
    private int _leases;
    private bool _closed;
    private readonly int _indexIntervalBytes;
    private long _size;
    private long _nextOffset;
    private long _maxTimestamp;
    private long _bytesSinceIndexEntry;

    private LogSegment(string directory, long baseOffset, FileStream file, SegmentIndex index, int indexIntervalBytes)
    {
        BaseOffset = baseOffset;
        LogPath = PathFor(directory, baseOffset, ".log");
        _file = file;
        _index = index;
        _indexIntervalBytes = indexIntervalBytes;
        _nextOffset = baseOffset;
        _maxTimestamp = -1;
    }

    public long BaseOffset { get; }

    public string LogPath { get; }

    /// <summary>Bytes of whole batches in the file (published to readers).</summary>
    public long Size => Volatile.Read(ref _size);

    /// <summary>The offset after the segment's last record.</summary>
    public long NextOffset => Volatile.Read(ref _nextOffset);

    /// <summary>The largest batch timestamp in the segment, -1 when empty.</summary>
    public long MaxTimestamp => Volatile.Read(ref _maxTimestamp);

    /// <summary>The file's last write time, for retention of segments whose batches carry no timestamps.</summary>
    public DateTimeOffset LastModified => File.GetLastWriteTimeUtc(LogPath);

    private SafeFileHandle Handle => _file.SafeFileHandle;

    /// <summary>The open segment file, for sending slices of it with sendfile (see <see cref="Slice"/>).</summary>
    internal FileStream LogFile => _file;

    /// <summary>The segment file path for a base offset: 20 digits, zero-padded, as Kafka names them.</summary>
    public static string PathFor(string directory, long baseOffset, string extension) =>
        Path.Combine(directory, baseOffset.ToString("D20", CultureInfo.InvariantCulture) + extension);

    /// <summary>Creates a new, empty segment starting at <paramref name="baseOffset"/>.</summary>
    public static LogSegment Create(string directory, long baseOffset, int indexIntervalBytes)
    {
        var file = OpenFile(PathFor(directory, baseOffset, ".log"), FileMode.Create);
        var index = SegmentIndex.CreateEmpty(PathFor(directory, baseOffset, ".index"), PathFor(directory, baseOffset, ".timeindex"));
        return new LogSegment(directory, baseOffset, file, index, indexIntervalBytes);
    }

    /// <summary>
    /// Opens an existing segment. The active segment is recovered: every batch is checked (lengths, magic, CRC-32C,
    /// offsets following on) and the file is truncated at the first one that is not whole and valid, which is where a
    /// crash tore a write; its index is rebuilt. Older segments keep their index when it is consistent.
    /// </summary>
    /// <param name="truncatedBytes">How many bytes recovery cut off the end.</param>
    public static LogSegment Open(string directory, long baseOffset, int indexIntervalBytes, bool recover, out long truncatedBytes)
    {
        var file = OpenFile(PathFor(directory, baseOffset, ".log"), FileMode.Open);
        var offsetIndexPath = PathFor(directory, baseOffset, ".index");
        var timeIndexPath = PathFor(directory, baseOffset, ".timeindex");
        var fileLength = file.Length;
        truncatedBytes = 0;
        var index = recover ? null : SegmentIndex.TryLoad(offsetIndexPath, timeIndexPath, fileLength);
        var segment = new LogSegment(directory, baseOffset, file, index ?? SegmentIndex.CreateEmpty(offsetIndexPath, timeIndexPath), indexIntervalBytes);
        if (recover)
        {
            var validLength = segment.Recover(fileLength);
            truncatedBytes = fileLength - validLength;
            if (truncatedBytes > 0)
            {
                file.SetLength(validLength);
                file.Flush(flushToDisk: true);
            }
        }
        else if (index is null)
        {
            segment.RebuildFromHeaders(0, fileLength, addIndexEntries: true);
        }
        else
        {
            segment.LoadTail(fileLength);
        }

        return segment;
    }

    /// <summary>
    /// Appends batches whose offsets are already assigned, with one positional write at the end of the file, then adds
    /// index entries and publishes the new size to readers.
    /// </summary>
    public void Append(ReadOnlySpan<byte> batches, IReadOnlyList<RecordBatchHeader> headers)
    {
        var position = Size;
        RandomAccess.Write(Handle, batches, position);
        foreach (var header in headers)
        {
            TrackBatch(header, position, addIndexEntry: true);
            position += header.TotalSize;
        }

        Volatile.Write(ref _size, position);
    }

    /// <summary>Reads up to <paramref name="buffer"/>'s length from <paramref name="position"/>; returns the bytes read.</summary>
    public int ReadAt(long position, Span<byte> buffer) => RandomAccess.Read(Handle, buffer, position);

    /// <summary>The header of the batch at <paramref name="position"/>, or null past the published end.</summary>
    public RecordBatchHeader? ReadHeader(long position)
    {
        if (position + RecordBatchHeader.Size > Size)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[RecordBatchHeader.Size];
        return ReadAt(position, header) == RecordBatchHeader.Size ? RecordBatchHeader.Read(header) : null;
    }

    /// <summary>The position of the batch containing <paramref name="offset"/> (or the first batch after it), or -1 when none.</summary>
    public long FindBatch(long offset)
    {
        long position = _index.FloorByOffset(offset - BaseOffset)?.Position ?? 0;
        while (ReadHeader(position) is { } header)
        {
            if (header.LastOffset >= offset)
            {
                return position;
            }

            position += header.TotalSize;
        }

        return -1;
    }

    /// <summary>The position of the first batch whose max timestamp reaches <paramref name="timestamp"/>, or -1.</summary>
    public long FindBatchByTimestamp(long timestamp)
    {
        long position = _index.FloorByTimestamp(timestamp)?.Position ?? 0;
        while (ReadHeader(position) is { } header)
        {
            if (header.MaxTimestamp >= timestamp)
            {
                return position;
            }

            position += header.TotalSize;
        }

        return -1;
    }

    /// <summary>
    /// Where the batches from <paramref name="first"/> (at <paramref name="position"/>) end when they must end at or
    /// before <paramref name="limit"/> and start below <paramref name="logEnd"/>, and the offset after their last
    /// record. The first batch always counts. The index skips most of the batches in between.
    /// </summary>
    public (long End, long NextOffset) WholeBatchesEnd(long position, RecordBatchHeader first, long limit, long logEnd)
    {
        var end = position + first.TotalSize;
        var nextOffset = first.LastOffset + 1;
        // A batch that starts below the log end ends below it too (the log end moves by whole batches), and so do
        // all batches before it.
        if (_index.FloorByPosition(limit) is { } entry && entry.Position > end && BaseOffset + entry.RelativeOffset < logEnd)
        {
            end = entry.Position;
            nextOffset = BaseOffset + entry.RelativeOffset;
        }

        while (ReadHeader(end) is { } header && end + header.TotalSize <= limit && header.BaseOffset < logEnd)
        {
            end += header.TotalSize;
            nextOffset = header.LastOffset + 1;
        }

        return (end, nextOffset);
    }

    /// <summary>
    /// The bytes from <paramref name="position"/> as a <see cref="SegmentSlice"/>, which keeps the file open until
    /// it is disposed.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The segment was closed (retention deleted it).</exception>
    public SegmentSlice Slice(long position, int length)
    {
        lock (_leaseLock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _leases++;
        }

        return new SegmentSlice(this, position, length);
    }

    /// <summary>Ends a lease taken by <see cref="Slice"/>; the last one closes a segment that was disposed meanwhile.</summary>
    public void ReleaseLease()
    {
        lock (_leaseLock)
        {
            _leases--;
            CloseFileWhenUnused();
        }
    }

    /// <summary>Reads the whole batch at <paramref name="position"/>.</summary>
    public byte[] ReadBatch(long position, RecordBatchHeader header)
    {
        var batch = GC.AllocateUninitializedArray<byte>(header.TotalSize);
        var read = ReadAt(position, batch);
        return read == batch.Length ? batch : batch[..read];
    }

    /// <summary>Pushes index entries to the OS and, when <paramref name="toDisk"/>, everything to the disk (fsync).</summary>
    public void Flush(bool toDisk)
    {
        _index.Flush(toDisk);
        if (toDisk)
        {
            _file.Flush(flushToDisk: true);
        }
    }

    /// <summary>Closes the segment; its file stays open while slices of it are still being sent.</summary>
    public void Dispose()
    {
        _index.Dispose();
        lock (_leaseLock)
        {
            _closed = true;
            CloseFileWhenUnused();
        }
    }

    // Under _leaseLock: the file closes once the segment is closed and no slice of it is being sent.
    private void CloseFileWhenUnused()
    {
        if (_closed && _leases == 0)
        {
            _file.Dispose();
        }
    }

    /// <summary>Closes the segment and deletes its files.</summary>
    public void Delete()
    {
        Dispose();
        _index.DeleteFiles();
        File.Delete(LogPath);
    }

    // Asynchronous, because sendfile through Socket.SendPacketsAsync accepts only such streams; every read and write
    // here is positional (RandomAccess), which works on either kind of handle.
    private static FileStream OpenFile(string path, FileMode mode) =>
        new(path, mode, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous);

    private void TrackBatch(RecordBatchHeader header, long position, bool addIndexEntry)
    {
        if (addIndexEntry && _bytesSinceIndexEntry >= _indexIntervalBytes)
        {
            _index.Add(new SegmentIndex.IndexEntry((int)(header.BaseOffset - BaseOffset), (int)position, MaxTimestamp));
            _bytesSinceIndexEntry = 0;
        }

        _bytesSinceIndexEntry += header.TotalSize;
        Volatile.Write(ref _maxTimestamp, Math.Max(MaxTimestamp, header.MaxTimestamp));
        Volatile.Write(ref _nextOffset, header.LastOffset + 1);
    }

    // Checks every batch from the start and returns the length of the valid prefix (KIP-98 batch layout).
    private long Recover(long fileLength)
    {
        long position = 0;
        var expectedOffset = BaseOffset;
        Span<byte> sizeField = stackalloc byte[RecordBatchHeader.LogOverhead];
        while (fileLength - position >= RecordBatchHeader.Size)
        {
            ReadAt(position, sizeField);
            long batchSize = BinaryPrimitives.ReadInt32BigEndian(sizeField[RecordBatchHeader.BatchLengthPosition..]) + (long)RecordBatchHeader.LogOverhead;
            if (batchSize < RecordBatchHeader.Size || batchSize > fileLength - position)
            {
                break;
            }

            var batch = ArrayPool<byte>.Shared.Rent((int)batchSize);
            try
            {
                var span = batch.AsSpan(0, (int)batchSize);
                if (ReadAt(position, span) != batchSize || !IsIntact(span, expectedOffset, out var header))
                {
                    break;
                }

                TrackBatch(header, position, addIndexEntry: true);
                expectedOffset = header.LastOffset + 1;
                position += batchSize;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(batch);
            }
        }

        Volatile.Write(ref _size, position);
        return position;
    }

    private static bool IsIntact(ReadOnlySpan<byte> batch, long expectedOffset, out RecordBatchHeader header)
    {
        header = default;
        if (batch.Length < RecordBatchHeader.Size)
        {
            return false;
        }

        header = RecordBatchHeader.Read(batch);
        return header.Magic == RecordBatchHeader.CurrentMagic
            && header.BaseOffset == expectedOffset
            && header.LastOffsetDelta >= 0
            && Crc32C.Compute(batch[RecordBatchHeader.AttributesPosition..]) == header.Crc;
    }

    // For a closed segment whose index is missing or inconsistent: walk the batch headers to rebuild it.
    private void RebuildFromHeaders(long from, long fileLength, bool addIndexEntries)
    {
        Volatile.Write(ref _size, fileLength);
        var position = from;
        while (ReadHeader(position) is { } header && position + header.TotalSize <= fileLength)
        {
            TrackBatch(header, position, addIndexEntries);
            position += header.TotalSize;
        }

        _index.Flush(toDisk: false);
    }

    // For a closed segment with a good index: the batches after the last entry give the segment's end offset and max timestamp.
    private void LoadTail(long fileLength)
    {
        var last = _index.Last;
        Volatile.Write(ref _maxTimestamp, last?.MaxTimestampBefore ?? -1);
        RebuildFromHeaders(last?.Position ?? 0, fileLength, addIndexEntries: false);
    }
}
