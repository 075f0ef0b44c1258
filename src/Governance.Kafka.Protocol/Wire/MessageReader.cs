using System.Buffers.Binary;
using System.Text;

namespace Governance.Kafka.Protocol.Wire;

/// <summary>
/// Reads big-endian Kafka primitives from one frame. Every read checks the bytes left and throws
/// <see cref="KafkaProtocolException"/> instead of reading past the frame or allocating what the frame cannot hold.
/// </summary>
public sealed class MessageReader(ReadOnlyMemory<byte> frame) : MessageCodec
{
    private readonly ReadOnlyMemory<byte> _frame = frame;
    private int _position;

    public override bool IsReading => true;

    public int Position => _position;

    public int Remaining => _frame.Length - _position;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new KafkaProtocolException(
                $"frame truncated: {count} bytes needed at offset {_position}, {Remaining} left");
        }
        var span = _frame.Span.Slice(_position, count);
        _position += count;
        return span;
    }

    public override void Int8(ref sbyte value) => value = (sbyte)Take(1)[0];

    public override void Int16(ref short value) => value = BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public override void Int32(ref int value) => value = BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public override void Int64(ref long value) => value = BinaryPrimitives.ReadInt64BigEndian(Take(8));

    /// <summary>UUID: 16 bytes, most significant first (Type.java UUID).</summary>
    public override void Uuid(ref Guid value) => value = new Guid(Take(16), bigEndian: true);

    public uint ReadUnsignedVarint()
    {
        if (!Varint.TryReadUnsigned(_frame.Span[_position..], out var value, out var length))
        {
            throw new KafkaProtocolException($"frame truncated inside a varint at offset {_position}");
        }
        _position += length;
        return value;
    }

    /// <summary>Length of a string or bytes: -1 for null.</summary>
    private int ReadLength(bool int16Length)
    {
        var length = 0;
        if (Flexible)
        {
            length = (int)Math.Min(ReadUnsignedVarint(), int.MaxValue) - 1;
        }
        else if (int16Length)
        {
            short raw = 0;
            Int16(ref raw);
            length = raw;
        }
        else
        {
            Int32(ref length);
        }
        if (length < -1)
        {
            throw new KafkaProtocolException($"negative length {length} at offset {_position}");
        }
        return length;
    }

    public override void NullableString(ref string? value)
    {
        var length = ReadLength(int16Length: true);
        value = length < 0 ? null : Encoding.UTF8.GetString(Take(length));
    }

    public override void NullableBytes(ref ReadOnlyMemory<byte>? value)
    {
        var length = ReadLength(int16Length: false);
        if (length < 0)
        {
            value = null;
            return;
        }
        Take(length);
        value = _frame.Slice(_position - length, length);
    }

    public override void TaggedFields(ref List<TaggedField>? fields)
    {
        if (!Flexible)
        {
            return;
        }
        var count = ReadUnsignedVarint();
        if (count > Remaining)
        {
            throw new KafkaProtocolException($"{count} tagged fields cannot fit in {Remaining} bytes");
        }
        fields = null;
        long previousTag = -1;
        for (var i = 0; i < count; i++)
        {
            var tag = ReadUnsignedVarint();
            if (tag <= previousTag)
            {
                throw new KafkaProtocolException($"tagged field {tag} out of ascending order");
            }
            previousTag = tag;
            var size = (int)Math.Min(ReadUnsignedVarint(), int.MaxValue);
            (fields ??= []).Add(new TaggedField(tag, Take(size).ToArray()));
        }
    }

    protected override int ReadArrayLength(int minimumElementSize)
    {
        var count = ReadLength(int16Length: false);
        if (count > 0 && (long)count * minimumElementSize > Remaining)
        {
            throw new KafkaProtocolException($"array of {count} elements cannot fit in {Remaining} bytes");
        }
        return count;
    }

    protected override void WriteArrayLength(int count) => throw new InvalidOperationException("reader cannot write");
}
