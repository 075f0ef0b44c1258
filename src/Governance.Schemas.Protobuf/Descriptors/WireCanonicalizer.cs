using Google.Protobuf;
using Google.Protobuf.Reflection;
using static Google.Protobuf.Reflection.FieldDescriptorProto.Types;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Governance.Schemas.Protobuf.Descriptors;

/// <summary>
/// Re-encodes option bytes the way protoc does after interpreting options into a message of the options type:
/// fields in number order, occurrences of a singular message field merged into one, the last occurrence of a
/// singular scalar kept, repeated values in order (protobuf.dev "Encoding", "Last One Wins" and merging).
/// </summary>
internal sealed class WireCanonicalizer(SymbolTable symbols)
{
    public byte[] Canonicalize(byte[] bytes, string messageType)
    {
        var message = symbols.Find(messageType)?.Message;
        var occurrences = new SortedDictionary<int, List<(WireFormat.WireType Type, byte[] Raw, byte[] Payload)>>();
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            var wireType = WireFormat.GetTagWireType(tag);
            var (raw, payload) = ReadValue(input, tag, number, wireType);
            if (!occurrences.TryGetValue(number, out var list))
            {
                occurrences[number] = list = [];
            }

            list.Add((wireType, raw, payload));
        }

        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        foreach (var (number, values) in occurrences)
        {
            var field = message?.Field.FirstOrDefault(f => f.Number == number) ?? symbols.FindExtension(messageType, number);
            if (field is null || field.Label == Label.Repeated)
            {
                foreach (var value in values)
                {
                    WriteRaw(output, value.Raw);
                }
            }
            else if (field.Type == Type.Message && values.All(v => v.Type == WireFormat.WireType.LengthDelimited))
            {
                var merged = Canonicalize([.. values.SelectMany(v => v.Payload)], field.TypeName[1..]);
                output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(merged));
            }
            else
            {
                WriteRaw(output, values[^1].Raw);
            }
        }

        output.Flush();
        return stream.ToArray();
    }

    // Returns the whole encoded field (tag included) and, for length-delimited values, the payload.
    private static (byte[] Raw, byte[] Payload) ReadValue(CodedInputStream input, uint tag, int number, WireFormat.WireType wireType)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        byte[] payload = [];
        output.WriteTag(tag);
        switch (wireType)
        {
            case WireFormat.WireType.Varint:
                output.WriteUInt64(input.ReadUInt64());
                break;
            case WireFormat.WireType.Fixed32:
                output.WriteFixed32(input.ReadFixed32());
                break;
            case WireFormat.WireType.Fixed64:
                output.WriteFixed64(input.ReadFixed64());
                break;
            case WireFormat.WireType.LengthDelimited:
                payload = input.ReadBytes().ToByteArray();
                output.WriteBytes(ByteString.CopyFrom(payload));
                break;
            case WireFormat.WireType.StartGroup:
                using (var group = new MemoryStream())
                {
                    var groupOutput = new CodedOutputStream(group);
                    uint inner;
                    while ((inner = input.ReadTag()) != WireFormat.MakeTag(number, WireFormat.WireType.EndGroup))
                    {
                        var (raw, _) = ReadValue(input, inner, WireFormat.GetTagFieldNumber(inner), WireFormat.GetTagWireType(inner));
                        WriteRaw(groupOutput, raw);
                    }

                    groupOutput.Flush();
                    payload = group.ToArray();
                    WriteRaw(output, payload);
                    output.WriteTag(number, WireFormat.WireType.EndGroup);
                }

                break;
            default:
                throw new InvalidOperationException($"unexpected wire type {wireType} in options");
        }

        output.Flush();
        return (stream.ToArray(), payload);
    }

    /// <summary>Copies already encoded bytes (CodedOutputStream has no public raw write but the one-byte raw tag).</summary>
    public static void WriteRaw(CodedOutputStream output, byte[] bytes)
    {
        foreach (var b in bytes)
        {
            output.WriteRawTag(b);
        }
    }
}
