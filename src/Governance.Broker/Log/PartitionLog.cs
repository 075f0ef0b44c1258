using System.Globalization;
using Governance.Kafka.Protocol.Records;

namespace Governance.Broker.Log;

/// <summary>
/// One partition's append-only log: segment files named by their base offset (<c>00000000000000000000.log</c>), each with a
/// sparse offset index (<c>.index</c>) and time index (<c>.timeindex</c>), in the partition's own directory
/// (Kafka's log layout, docs/implementation.html "Log"). Thread-safe: appends are serialized, reads run concurrently.
/// </summary>
/// <remarks>
/// Durability: <see cref="Append"/> writes the bytes into the segment file (the OS page cache) before it returns, so once
/// a produce is acknowledged a crash or kill -9 of the process loses nothing. What a power loss can take depends on
/// <see cref="LogConfig.FlushMode"/>: everything not yet flushed by the OS (Never), at most the last flush interval
/// (Interval), or nothing acknowledged (EveryBatch, one fsync per append).
/// </remarks>
public sealed partial class PartitionLog : IDisposable
{
    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly Lock _appendLock = new();
    private LogSegment[] _segments;
    private LogConfig _config;
    private long _logEndOffset;
    private long _lastFlushTimestamp;
    private ITimer? _pendingFlush;
    private TaskCompletionSource _appended = NewSignal();
    private bool _disposed;

    private PartitionLog(string directory, LogConfig config, TimeProvider time)
    {
        _directory = directory;
        _config = config;
        _time = time;
        System.IO.Directory.CreateDirectory(directory);
        _segments = OpenSegments(directory, config.IndexIntervalBytes, out var truncated);
        TruncatedBytesOnOpen = truncated;
        _logEndOffset = _segments[^1].NextOffset;
        _lastFlushTimestamp = time.GetTimestamp();
    }

    /// <summary>Opens (or creates) the log in <paramref name="directory"/>, recovering the active segment's tail.</summary>
    public static PartitionLog Open(string directory, LogConfig config, TimeProvider? time = null) =>
        new(directory, config, time ?? TimeProvider.System);

    /// <summary>The partition's directory.</summary>
    public string Directory => _directory;

    /// <summary>The first offset still in the log (advances when retention deletes old segments).</summary>
    public long LogStartOffset => Volatile.Read(ref _segments)[0].BaseOffset;

    /// <summary>The offset the next appended record gets.</summary>
    public long LogEndOffset => Volatile.Read(ref _logEndOffset);

    /// <summary>On one node every appended record is committed, so the high watermark is the log end offset.</summary>
    public long HighWatermark => LogEndOffset;

    /// <summary>The bytes of all segment files.</summary>
    public long SizeInBytes => Volatile.Read(ref _segments).Sum(segment => segment.Size);

    /// <summary>The number of segment files.</summary>
    public int SegmentCount => Volatile.Read(ref _segments).Length;

    /// <summary>How many bytes recovery cut off the active segment when the log was opened (a torn write), 0 after a clean stop.</summary>
    public long TruncatedBytesOnOpen { get; }

    /// <summary>The storage configuration now in force; <see cref="Reconfigure"/> changes it.</summary>
    public LogConfig Config => Volatile.Read(ref _config);

    /// <summary>
    /// Appends already validated batches (<see cref="RecordBatch.ValidateAll"/>): assigns
    /// consecutive offsets by rewriting each batch's baseOffset in <paramref name="batches"/>, stamps the partition leader
    /// epoch (0) and, for LogAppendTime topics, the broker time; writes the bytes to the active segment file (rolling a new
    /// segment when segment.bytes would be exceeded) before returning, and fsyncs as the flush policy says.
    /// </summary>
    public LogAppendInfo Append(Memory<byte> batches)
    {
        var config = Config;
        lock (_appendLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var firstOffset = _logEndOffset;
            var appendTime = config.LogAppendTime ? _time.GetUtcNow().ToUnixTimeMilliseconds() : -1;
            var headers = AssignOffsets(batches.Span, firstOffset, appendTime);
            var active = _segments[^1];
            if (active.Size > 0 && active.Size + batches.Length > config.SegmentBytes)
            {
                active = Roll();
            }

            active.Append(batches.Span, headers);
            var lastOffset = headers[^1].LastOffset;
            Volatile.Write(ref _logEndOffset, lastOffset + 1);
            FlushAsPolicySays(active, config);
            Interlocked.Exchange(ref _appended, NewSignal()).TrySetResult();
            return new LogAppendInfo(firstOffset, lastOffset, appendTime, LogStartOffset);
        }
    }

    /// <summary>
    /// Completes when the log end offset passes <paramref name="offset"/> (for Fetch long polling). Cancellation and
    /// closing the log complete the task normally rather than throwing, so an expired long poll costs no exception;
    /// check the log end offset.
    /// </summary>
    public async Task WaitForDataAsync(long offset, CancellationToken cancellationToken)
    {
        while (LogEndOffset <= offset && !cancellationToken.IsCancellationRequested && !Volatile.Read(ref _disposed))
        {
            var signal = Volatile.Read(ref _appended);
            if (LogEndOffset > offset)
            {
                return;
            }

            await signal.Task.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Forces written bytes to disk (fsync) now, whatever the flush policy.</summary>
    public void Flush()
    {
        lock (_appendLock)
        {
            if (!_disposed)
            {
                _segments[^1].Flush(toDisk: true);
                _lastFlushTimestamp = _time.GetTimestamp();
            }
        }
    }

    /// <summary>Applies a changed topic configuration (segment size, retention, flush policy, timestamp type).</summary>
    public void Reconfigure(LogConfig config) => Volatile.Write(ref _config, config);

    public void Dispose()
    {
        lock (_appendLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _pendingFlush?.Dispose();
            foreach (var segment in _segments)
            {
                segment.Flush(toDisk: Config.FlushMode != FlushMode.Never);
                segment.Dispose();
            }
        }

        _appended.TrySetResult();
    }

    /// <summary>Closes the files and deletes the partition's directory (topic deletion).</summary>
    public void Delete()
    {
        Dispose();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static LogSegment[] OpenSegments(string directory, int indexIntervalBytes, out long truncatedBytes)
    {
        var baseOffsets = System.IO.Directory.GetFiles(directory, "*.log")
            .Select(path => long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : -1)
            .Where(offset => offset >= 0)
            .Order()
            .ToArray();
        truncatedBytes = 0;
        if (baseOffsets.Length == 0)
        {
            return [LogSegment.Create(directory, 0, indexIntervalBytes)];
        }

        var segments = new LogSegment[baseOffsets.Length];
        for (var i = 0; i < baseOffsets.Length; i++)
        {
            var isActive = i == baseOffsets.Length - 1;
            segments[i] = LogSegment.Open(directory, baseOffsets[i], indexIntervalBytes, recover: isActive, out var truncated);
            truncatedBytes += truncated;
        }

        return segments;
    }

    // Rewrites baseOffset and partitionLeaderEpoch (outside the CRC) and, for LogAppendTime, the timestamp (CRC recomputed).
    private static List<RecordBatchHeader> AssignOffsets(Span<byte> batches, long firstOffset, long appendTime)
    {
        var headers = new List<RecordBatchHeader>(1);
        var nextOffset = firstOffset;
        var position = 0;
        while (position < batches.Length)
        {
            var batch = batches.Slice(position, RecordBatch.ReadTotalSize(batches[position..], headers.Count, position));
            RecordBatch.SetBaseOffset(batch, nextOffset);
            RecordBatch.SetPartitionLeaderEpoch(batch, 0);
            if (appendTime >= 0)
            {
                RecordBatch.SetLogAppendTime(batch, appendTime);
            }

            var header = RecordBatchHeader.Read(batch);
            headers.Add(header);
            nextOffset = header.LastOffset + 1;
            position += batch.Length;
        }

        if (headers.Count == 0)
        {
            throw new ArgumentException("There are no record batches to append.", nameof(batches));
        }

        return headers;
    }

    private LogSegment Roll()
    {
        var previous = _segments[^1];
        previous.Flush(toDisk: Config.FlushMode != FlushMode.Never);
        var next = LogSegment.Create(_directory, _logEndOffset, Config.IndexIntervalBytes);
        Volatile.Write(ref _segments, [.. _segments, next]);
        return next;
    }

    private void FlushAsPolicySays(LogSegment active, LogConfig config)
    {
        switch (config.FlushMode)
        {
            case FlushMode.EveryBatch:
                active.Flush(toDisk: true);
                break;
            case FlushMode.Interval when _time.GetElapsedTime(_lastFlushTimestamp) >= TimeSpan.FromMilliseconds(config.FlushIntervalMs):
                active.Flush(toDisk: true);
                _lastFlushTimestamp = _time.GetTimestamp();
                break;
            case FlushMode.Interval:
                // Bound the window even if no further append comes: flush once when the interval has passed.
                _pendingFlush ??= _time.CreateTimer(_ => FlushPending(), null, TimeSpan.FromMilliseconds(config.FlushIntervalMs), Timeout.InfiniteTimeSpan);
                break;
        }
    }

    private void FlushPending()
    {
        lock (_appendLock)
        {
            _pendingFlush?.Dispose();
            _pendingFlush = null;
        }

        Flush();
    }
}
