using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Governance.Kafka.Protocol.Wire;

/// <summary>
/// Writes big-endian Kafka primitives into a buffer rented from <see cref="ArrayPool{T}.Shared"/>; it grows by
/// renting a larger one. <see cref="Dispose"/> returns the buffer, so use the written bytes before that.
/// <para>
/// Bytes fields of at least <see cref="SpliceThreshold"/> bytes are not copied: the writer keeps a reference to
/// them and <see cref="GetSegments"/> hands them out between the buffer's pieces, so that a fetch answer's records
/// go to the socket as the log hands them over (a broker sends them from the file with sendfile). The caller keeps
/// spliced memory unchanged until the segments have been used.
/// </para>
/// </summary>
public sealed class MessageWriter(int initialCapacity = 256) : MessageCodec, IDisposable
{
    private readonly List<Splice> _splices = [];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int _position;
    private int _splicedBytes;

    public override bool IsReading => false;

    /// <summary>Bytes fields this long or longer are referenced instead of copied (never, unless set).</summary>
    public int SpliceThreshold { get; init; } = int.MaxValue;

    /// <summary>Bytes written so far, spliced ones included.</summary>
    public int Position => _position + _splicedBytes;

    /// <summary>The written bytes, when nothing was spliced (see <see cref="GetSegments"/>).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _splices.Count == 0
        ? _buffer.AsMemory(0, _position)
        : throw new InvalidOperationException("the written bytes are in several segments: use GetSegments");

    /// <summary>The written bytes, when nothing was spliced (see <see cref="GetSegments"/>).</summary>
    public ReadOnlySpan<byte> WrittenSpan => WrittenMemory.Span;

    /// <summary>The written bytes in order: pieces of the buffer with the spliced fields between them.</summary>
    public void GetSegments(List<ReadOnlyMemory<byte>> segments)
    {
        var start = 0;
        foreach (var splice in _splices)
        {
            AddNonEmpty(segments, _buffer.AsMemory(start, splice.BufferPosition - start));
            segments.Add(splice.Bytes);
            start = splice.BufferPosition;
        }
        AddNonEmpty(segments, _buffer.AsMemory(start, _position - start));
    }

    /// <summary>Makes room for <paramref name="count"/> more bytes and returns them.</summary>
    public Span<byte> Advance(int count)
    {
        if (_position + count > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _position + count));
            _buffer.AsSpan(0, _position).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var span = _buffer.AsSpan(_position, count);
        _position += count;
        return span;
    }

    /// <summary>
    /// Overwrites a big-endian int32 already written at <paramref name="offset"/> (a <see cref="Position"/>; frame
    /// sizes). It must have been written as an int32, not inside a spliced field.
    /// </summary>
    public void PatchInt32(int offset, int value)
    {
        var splicedBefore = 0;
        foreach (var splice in _splices)
        {
            if (splice.BufferPosition + splicedBefore + splice.Bytes.Length > offset)
            {
                break;
            }
            splicedBefore += splice.Bytes.Length;
        }
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(offset - splicedBefore, 4), value);
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Advance(bytes.Length));

    public override void Int8(ref sbyte value) => Advance(1)[0] = (byte)value;

    public override void Int16(ref short value) => BinaryPrimitives.WriteInt16BigEndian(Advance(2), value);

    public override void Int32(ref int value) => BinaryPrimitives.WriteInt32BigEndian(Advance(4), value);

    public override void Int64(ref long value) => BinaryPrimitives.WriteInt64BigEndian(Advance(8), value);

    public override void Uuid(ref Guid value) => value.TryWriteBytes(Advance(16), bigEndian: true, out _);

    public void WriteUnsignedVarint(uint value)
    {
        Span<byte> scratch = stackalloc byte[5];
        var length = Varint.WriteUnsigned(scratch, value);
        WriteRaw(scratch[..length]);
    }

    private void WriteLength(int length, bool int16Length)
    {
        if (Flexible)
        {
            WriteUnsignedVarint((uint)(length + 1));
        }
        else if (int16Length)
        {
            var raw = checked((short)length);
            Int16(ref raw);
        }
        else
        {
            Int32(ref length);
        }
    }

    public override void NullableString(ref string? value)
    {
        if (value is null)
        {
            WriteLength(-1, int16Length: true);
            return;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        WriteLength(length, int16Length: true);
        Encoding.UTF8.GetBytes(value, Advance(length));
    }

    public override void NullableBytes(ref ReadOnlyMemory<byte>? value)
    {
        if (value is not { } bytes)
        {
            WriteLength(-1, int16Length: false);
            return;
        }
        WriteLength(bytes.Length, int16Length: false);
        if (bytes.Length >= SpliceThreshold)
        {
            _splices.Add(new Splice(_position, bytes));
            _splicedBytes += bytes.Length;
            return;
        }
        WriteRaw(bytes.Span);
    }

    public override void TaggedFields(ref List<TaggedField>? fields)
    {
        if (!Flexible)
        {
            return;
        }
        WriteUnsignedVarint((uint)(fields?.Count ?? 0));
        foreach (var field in fields ?? [])
        {
            WriteUnsignedVarint(field.Tag);
            WriteUnsignedVarint((uint)field.Data.Length);
            WriteRaw(field.Data);
        }
    }

    protected override int ReadArrayLength(int minimumElementSize) => throw new InvalidOperationException("writer cannot read");

    protected override void WriteArrayLength(int count) => WriteLength(count, int16Length: false);

    /// <summary>Forgets what was written, keeping the buffer for the next message.</summary>
    public void Clear()
    {
        _position = 0;
        _splices.Clear();
        _splicedBytes = 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        Clear();
    }

    private static void AddNonEmpty(List<ReadOnlyMemory<byte>> segments, ReadOnlyMemory<byte> segment)
    {
        if (!segment.IsEmpty)
        {
            segments.Add(segment);
        }
    }

    /// <summary>Bytes that belong before the buffer's byte at <paramref name="BufferPosition"/>.</summary>
    private readonly record struct Splice(int BufferPosition, ReadOnlyMemory<byte> Bytes);
}
