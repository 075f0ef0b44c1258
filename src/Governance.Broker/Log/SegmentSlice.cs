using System.Buffers;

namespace Governance.Broker.Log;

/// <summary>
/// A byte range of a segment file, as memory. A connection that sees it among a response's bytes sends the range
/// straight from the file to the socket (sendfile: the records never pass through this process); anyone who asks
/// for the bytes themselves gets them read from the file on first use. The slice holds a lease on its segment, so
/// the file stays open (even if retention deletes the segment) until <see cref="IDisposable.Dispose"/>.
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

    public override Span<byte> GetSpan() => Bytes();

    // The handle pins the array the bytes were read into, and unpins it itself when disposed.
    public override MemoryHandle Pin(int elementIndex = 0) => Bytes().AsMemory(elementIndex).Pin();

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _segment.ReleaseLease();
        }
    }

    private byte[] Bytes()
    {
        if (_bytes is { } bytes)
        {
            return bytes;
        }
        var read = GC.AllocateUninitializedArray<byte>(Length);
        if (_segment.ReadAt(Position, read) != Length)
        {
            throw new IOException($"{_segment.LogPath}: expected {Length} bytes at {Position}");
        }
        return _bytes = read;
    }
}
