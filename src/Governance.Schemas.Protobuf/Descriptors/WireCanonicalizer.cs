using Google.Protobuf;
using Google.Protobuf.Reflection;
using static Google.Protobuf.Reflection.FieldDescriptorProto.Types;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Governance.Schemas.Protobuf.Descriptors;

/// <summary>
/// Re-encodes option bytes the way protoc does after interpreting options into a message of the options type:
/// fields in number order, occurrences of a singular message field merged into one, the last occurrence of a
/// singular scalar kept, repeated values in order and packed where the field is packed, and zero values of proto3
/// implicit-presence fields left out (protobuf.dev "Encoding": "Last One Wins", "Packed Repeated Fields";
/// "Field Presence").
/// </summary>
internal sealed class WireCanonicalizer(SymbolTable symbols)
{
    public byte[] Canonicalize(byte[] bytes, string messageType)
    {
        var messageSymbol = symbols.Find(messageType);
        var message = messageSymbol?.Message;
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
            var declared = message?.Field.FirstOrDefault(f => f.Number == number);
            var extension = declared is null ? symbols.FindExtension(messageType, number) : null;
            var field = declared ?? extension?.Field;
            var syntax = symbols.SyntaxOf((declared is not null ? messageSymbol! : extension)?.File ?? "");
            if (field is not null && field.Label == Label.Repeated && IsPacked(field, syntax))
            {
                output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom([.. values.SelectMany(v => v.Payload)]));
            }
            else if (field is null || field.Label == Label.Repeated)
            {
                foreach (var value in values)
                {
                    WriteRaw(output, value.Raw);
                }
            }
            else if (HasImplicitPresence(field, syntax) && values[^1].Payload.All(b => b == 0))
            {
                continue;
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

    private static bool IsPackable(FieldDescriptorProto field) =>
        field.Type is not (Type.String or Type.Bytes or Type.Message or Type.Group);

    // proto3 packs repeated scalars unless told not to; proto2 only when told to; editions 2023 packs by default.
    private static bool IsPacked(FieldDescriptorProto field, string syntax) =>
        IsPackable(field) && (field.Options?.HasPacked == true ? field.Options.Packed : syntax is "proto3" or "editions");

    // proto3 singular scalars without 'optional' have no presence: their zero value is not written.
    private static bool HasImplicitPresence(FieldDescriptorProto field, string syntax) =>
        syntax == "proto3" && !field.Proto3Optional && !field.HasOneofIndex && field.Type is not (Type.Message or Type.Group);

    // Returns the whole encoded field (tag included) and its value without the tag (for length-delimited values,
    // the bytes inside the length).
    private static (byte[] Raw, byte[] Payload) ReadValue(CodedInputStream input, uint tag, int number, WireFormat.WireType wireType)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        byte[] payload = [];
        output.WriteTag(tag);
        switch (wireType)
        {
            case WireFormat.WireType.Varint:
                payload = Encode(o => o.WriteUInt64(input.ReadUInt64()));
                WriteRaw(output, payload);
                break;
            case WireFormat.WireType.Fixed32:
                payload = Encode(o => o.WriteFixed32(input.ReadFixed32()));
                WriteRaw(output, payload);
                break;
            case WireFormat.WireType.Fixed64:
                payload = Encode(o => o.WriteFixed64(input.ReadFixed64()));
                WriteRaw(output, payload);
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

    private static byte[] Encode(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        write(output);
        output.Flush();
        return stream.ToArray();
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
