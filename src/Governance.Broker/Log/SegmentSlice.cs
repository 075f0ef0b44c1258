using System.Buffers;

namespace Governance.Broker.Log;

/// <summary>
/// A byte range of a segment file, as memory. A connection that sees it among a response's bytes sends the range
/// straight from the file to the socket (sendfile: the records never pass through this process); anyone who asks
/// for the bytes themselves (a small answer copied into the send buffer) gets them read from the file on first use,
/// into an array rented from the shared pool. The slice holds a lease on its segment, so the file stays open (even if
/// retention deletes the segment) until <see cref="IDisposable.Dispose"/>, which also gives the array back: the bytes
/// must not be used afterwards.
/// </summary>
internal sealed class SegmentSlice : MemoryManager<byte>
{
    private readonly LogSegment _segment;
    private byte[]? _bytes;
    private int _released;

    public SegmentSlice(LogSegment segment, long position, int length)
    {
        _segment = segment;
        Position = position;
        Length = length;
    }

    /// <summary>The segment file, for sendfile.</summary>
    public FileStream File => _segment.LogFile;

    /// <summary>Where the range starts in the file.</summary>
    public long Position { get; }

    public int Length { get; }

    // The base class asks GetSpan for the length, which would read the file.
    public override Memory<byte> Memory => CreateMemory(Length);

    public override Span<byte> GetSpan() => Bytes().AsSpan(0, Length);

    // The handle pins the array the bytes were read into, and unpins it itself when disposed.
    public override MemoryHandle Pin(int elementIndex = 0) => Bytes().AsMemory(elementIndex, Length - elementIndex).Pin();

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _segment.ReleaseLease();
            if (Interlocked.Exchange(ref _bytes, null) is { } bytes)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }

    private byte[] Bytes()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _released) != 0, this);
        if (Volatile.Read(ref _bytes) is { } bytes)
        {
            return bytes;
        }
        var read = ArrayPool<byte>.Shared.Rent(Length);
        if (_segment.ReadAt(Position, read.AsSpan(0, Length)) != Length)
        {
            ArrayPool<byte>.Shared.Return(read);
            throw new IOException($"{_segment.LogPath}: expected {Length} bytes at {Position}");
        }
        // Two first readers at once: one array stays, the other goes back.
        if (Interlocked.CompareExchange(ref _bytes, read, null) is { } earlier)
        {
            ArrayPool<byte>.Shared.Return(read);
            return earlier;
        }
        return read;
    }
}
