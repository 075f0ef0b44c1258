namespace Governance.Kafka.Protocol.Wire;

/// <summary>
/// One direction of the Kafka wire format (docs/protocol.html, "Protocol Primitive Types"): a
/// <see cref="MessageReader"/> fills the fields it is given, a <see cref="MessageWriter"/> writes them.
/// <see cref="Flexible"/> selects the compact encodings of KIP-482 (unsigned-varint length + 1, tagged fields).
/// </summary>
public abstract class MessageCodec
{
    /// <summary>The version of the message being read or written.</summary>
    public short Version { get; set; }

    /// <summary>Whether <see cref="Version"/> is one of the message's flexible versions.</summary>
    public bool Flexible { get; set; }

    public abstract bool IsReading { get; }

    public abstract void Int8(ref sbyte value);

    public abstract void Int16(ref short value);

    public abstract void Int32(ref int value);

    public abstract void Int64(ref long value);

    public abstract void Uuid(ref Guid value);

    public void Boolean(ref bool value)
    {
        var b = (sbyte)(value ? 1 : 0);
        Int8(ref b);
        value = b != 0;
    }

    public void ErrorCode(ref ErrorCode value)
    {
        var raw = (short)value;
        Int16(ref raw);
        value = (ErrorCode)raw;
    }

    /// <summary>STRING / COMPACT_STRING: never null.</summary>
    public void String(ref string value)
    {
        string? nullable = value;
        NullableString(ref nullable);
        value = nullable ?? throw new KafkaProtocolException("null where a string is required");
    }

    /// <summary>NULLABLE_STRING / COMPACT_NULLABLE_STRING: length -1 (or 0 when compact) is null.</summary>
    public abstract void NullableString(ref string? value);

    /// <summary>BYTES / COMPACT_BYTES, copied out of the frame.</summary>
    public void Bytes(ref byte[] value)
    {
        ReadOnlyMemory<byte>? memory = value;
        NullableBytes(ref memory);
        value = memory?.ToArray() ?? throw new KafkaProtocolException("null where bytes are required");
    }

    /// <summary>
    /// NULLABLE_BYTES / RECORDS. When reading, the memory is a slice of the frame being decoded: valid only while
    /// that frame is, so copy what must outlive the request.
    /// </summary>
    public abstract void NullableBytes(ref ReadOnlyMemory<byte>? value);

    /// <summary>ARRAY / COMPACT_ARRAY of structs.</summary>
    public void Array<T>(ref List<T> items)
        where T : IProtocolStruct, new()
    {
        List<T>? nullable = items;
        NullableArray(ref nullable);
        items = nullable ?? throw new KafkaProtocolException("null where an array is required");
    }

    /// <summary>Nullable ARRAY / COMPACT_ARRAY of structs: length -1 (or 0 when compact) is null.</summary>
    public void NullableArray<T>(ref List<T>? items)
        where T : IProtocolStruct, new()
    {
        if (IsReading)
        {
            var count = ReadArrayLength(minimumElementSize: 1);
            if (count < 0)
            {
                items = null;
                return;
            }
            items = new List<T>(count);
            for (var i = 0; i < count; i++)
            {
                var item = new T();
                item.Serialize(this);
                items.Add(item);
            }
            return;
        }
        WriteArrayLength(items?.Count ?? -1);
        if (items is null)
        {
            return;
        }
        foreach (var item in items)
        {
            item.Serialize(this);
        }
    }

    /// <summary>ARRAY of INT32.</summary>
    public void Int32Array(ref List<int> items)
    {
        List<int>? nullable = items;
        NullableInt32Array(ref nullable);
        items = nullable ?? throw new KafkaProtocolException("null where an array is required");
    }

    public void NullableInt32Array(ref List<int>? items)
    {
        if (IsReading)
        {
            var count = ReadArrayLength(minimumElementSize: 4);
            items = count < 0 ? null : new List<int>(count);
            for (var i = 0; i < count; i++)
            {
                var value = 0;
                Int32(ref value);
                items!.Add(value);
            }
            return;
        }
        WriteArrayLength(items?.Count ?? -1);
        foreach (var value in items ?? [])
        {
            var copy = value;
            Int32(ref copy);
        }
    }

    /// <summary>ARRAY of INT64.</summary>
    public void Int64Array(ref List<long> items)
    {
        if (IsReading)
        {
            var count = ReadArrayLength(minimumElementSize: 8);
            items = new List<long>(Math.Max(count, 0));
            for (var i = 0; i < count; i++)
            {
                long value = 0;
                Int64(ref value);
                items.Add(value);
            }
            return;
        }
        WriteArrayLength(items.Count);
        foreach (var value in items)
        {
            var copy = value;
            Int64(ref copy);
        }
    }

    /// <summary>ARRAY of STRING.</summary>
    public void StringArray(ref List<string> items)
    {
        List<string>? nullable = items;
        NullableStringArray(ref nullable);
        items = nullable ?? throw new KafkaProtocolException("null where an array is required");
    }

    public void NullableStringArray(ref List<string>? items)
    {
        if (IsReading)
        {
            var count = ReadArrayLength(minimumElementSize: 1);
            items = count < 0 ? null : new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var value = "";
                String(ref value);
                items!.Add(value);
            }
            return;
        }
        WriteArrayLength(items?.Count ?? -1);
        foreach (var value in items ?? [])
        {
            var copy = value;
            String(ref copy);
        }
    }

    /// <summary>
    /// The tagged-field section that ends every struct in flexible versions (KIP-482); nothing otherwise.
    /// Tags this codec does not model are kept as raw bytes and written back unchanged.
    /// </summary>
    public abstract void TaggedFields(ref List<TaggedField>? fields);

    /// <summary>Reads an array length: -1 for null. Fails when the frame cannot hold that many elements.</summary>
    protected abstract int ReadArrayLength(int minimumElementSize);

    protected abstract void WriteArrayLength(int count);
}
