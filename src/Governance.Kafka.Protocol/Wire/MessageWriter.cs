using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Governance.Kafka.Protocol.Wire;

/// <summary>
/// Writes big-endian Kafka primitives into a buffer rented from <see cref="ArrayPool{T}.Shared"/>; it grows by
/// renting a larger one. <see cref="Dispose"/> returns the buffer, so use the written bytes before that.
/// </summary>
public sealed class MessageWriter(int initialCapacity = 256) : MessageCodec, IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int _position;

    public override bool IsReading => false;

    public int Position => _position;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _position);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _position);

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

    /// <summary>Overwrites a big-endian int32 already written at <paramref name="offset"/> (frame sizes).</summary>
    public void PatchInt32(int offset, int value) => BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(offset, 4), value);

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
    public void Clear() => _position = 0;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _position = 0;
    }
}
