using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Governance.Schemas.Protobuf.Syntax;
using static Google.Protobuf.Reflection.FieldDescriptorProto.Types;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Governance.Schemas.Protobuf.Descriptors;

/// <summary>
/// Interprets options as protoc does: each option name is a path of fields starting at one of descriptor.proto's
/// <c>*Options</c> messages, where a parenthesized part names an extension (a custom option). The values are written in
/// the protobuf binary encoding (protobuf.dev "Encoding"), so standard options land in their fields and custom options
/// stay as unknown fields of the options message, as in protoc's output.
/// </summary>
internal sealed class OptionEncoder(SymbolTable symbols, Action ensureDescriptorProto)
{
    /// <summary>
    /// The encoded options, or null when every option was dropped for source retention: protoc leaves options with
    /// <c>retention = RETENTION_SOURCE</c> out of the descriptors it writes, and then the options message too.
    /// </summary>
    public byte[]? Encode(IEnumerable<OptionElement> options, string optionsType, string scope)
    {
        ensureDescriptorProto();
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        var stripped = false;
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var path = ResolvePath(option, optionsType, scope);
            var key = string.Join('/', path.Select(f => f.Number));
            if (path[^1].Label != Label.Repeated && !set.Add(key))
            {
                throw new ProtoSchemaException(option.Line, option.Column, $"option \"{option.Name}\" was already set");
            }

            if (path.Any(IsSourceRetention))
            {
                stripped = true;
                continue;
            }

            WriteAlongPath(output, path, 0, option.Value);
        }

        output.Flush();
        return stripped && stream.Length == 0 ? null : new WireCanonicalizer(symbols).Canonicalize(stream.ToArray(), optionsType);
    }

    private static bool IsSourceRetention(FieldDescriptorProto field) =>
        field.Options?.Retention == FieldOptions.Types.OptionRetention.RetentionSource;

    private List<FieldDescriptorProto> ResolvePath(OptionElement option, string optionsType, string scope)
    {
        var path = new List<FieldDescriptorProto>();
        var messageType = optionsType;
        foreach (var part in SplitName(option.Name))
        {
            if (messageType is null)
            {
                throw new ProtoSchemaException(option.Line, option.Column, $"option \"{option.Name}\" is an atomic type, not a message");
            }

            FieldDescriptorProto? field;
            if (part.StartsWith('('))
            {
                var extensionName = part[1..^1];
                // Custom option names are looked up from inside the scope of the element that carries the option.
                var symbol = symbols.Lookup(extensionName, scope + ".", typesOnly: false);
                if (symbol?.Kind != SymbolKind.Extension)
                {
                    throw new ProtoSchemaException(option.Line, option.Column,
                        $"option \"({extensionName})\" unknown; import the file that defines it");
                }

                field = symbol.Field!;
                if (field.Extendee != "." + messageType)
                {
                    throw new ProtoSchemaException(option.Line, option.Column,
                        $"option \"({extensionName})\" extends \"{field.Extendee[1..]}\", not \"{messageType}\"");
                }
            }
            else
            {
                field = symbols.Find(messageType)?.Message?.Field.FirstOrDefault(f => f.Name == part)
                    ?? throw new ProtoSchemaException(option.Line, option.Column, $"option \"{part}\" unknown in \"{messageType}\"");
            }

            path.Add(field);
            messageType = field.Type is Type.Message or Type.Group ? field.TypeName[1..] : null;
        }

        return path;
    }

    private static IEnumerable<string> SplitName(string name)
    {
        var start = 0;
        var depth = 0;
        for (var i = 0; i < name.Length; i++)
        {
            depth += name[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (name[i] == '.' && depth == 0)
            {
                yield return name[start..i];
                start = i + 1;
            }
        }

        yield return name[start..];
    }

    private void WriteAlongPath(CodedOutputStream output, List<FieldDescriptorProto> path, int index, OptionValue value)
    {
        var field = path[index];
        if (index == path.Count - 1)
        {
            WriteField(output, field, value, inAggregate: false);
            return;
        }

        // An intermediate part is a message field holding the rest of the path.
        using var inner = new MemoryStream();
        var innerOutput = new CodedOutputStream(inner);
        WriteAlongPath(innerOutput, path, index + 1, value);
        innerOutput.Flush();
        WriteMessageBytes(output, field, inner.ToArray());
    }

    private static void WriteMessageBytes(CodedOutputStream output, FieldDescriptorProto field, byte[] bytes)
    {
        if (field.Type == Type.Group)
        {
            output.WriteTag(field.Number, WireFormat.WireType.StartGroup);
            WireCanonicalizer.WriteRaw(output, bytes);
            output.WriteTag(field.Number, WireFormat.WireType.EndGroup);
            return;
        }

        output.WriteTag(field.Number, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(bytes));
    }

    /// <summary>
    /// Writes one option value. An enum value must be named in an option statement; inside a text-format aggregate it
    /// may also be a number, as text format allows.
    /// </summary>
    private void WriteField(CodedOutputStream output, FieldDescriptorProto field, OptionValue value, bool inAggregate)
    {
        if (value.Kind == OptionValueKind.List)
        {
            if (field.Label != Label.Repeated)
            {
                throw Bad(value, $"a list is only allowed for a repeated field, and \"{field.Name}\" is not");
            }

            foreach (var item in value.Items!)
            {
                WriteField(output, field, item, inAggregate);
            }

            return;
        }

        if (field.Type is Type.Message or Type.Group)
        {
            if (value.Kind != OptionValueKind.Aggregate)
            {
                throw Bad(value, $"option \"{field.Name}\" is a message; its value must be written in braces");
            }

            WriteMessageBytes(output, field, EncodeAggregate(value, field.TypeName[1..]));
            return;
        }

        switch (field.Type)
        {
            case Type.String or Type.Bytes:
                output.WriteTag(field.Number, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(value.Kind == OptionValueKind.String ? value.Bytes! : throw Bad(value, "expected a string")));
                break;
            case Type.Bool:
                output.WriteTag(field.Number, WireFormat.WireType.Varint);
                output.WriteBool(value.Text switch
                {
                    "true" => true,
                    "false" => false,

                    // Text format also spells booleans these ways (protobuf.dev "Text Format Language Specification").
                    "True" or "t" or "1" when inAggregate => true,
                    "False" or "f" or "0" when inAggregate => false,
                    _ => throw Bad(value, $"value must be \"true\" or \"false\" for boolean option \"{field.Name}\""),
                });
                break;
            case Type.Enum:
                output.WriteTag(field.Number, WireFormat.WireType.Varint);
                output.WriteInt32(EnumNumber(field, value, inAggregate));
                break;
            case Type.Float:
                output.WriteTag(field.Number, WireFormat.WireType.Fixed32);
                output.WriteFloat((float)FloatValue(value));
                break;
            case Type.Double:
                output.WriteTag(field.Number, WireFormat.WireType.Fixed64);
                output.WriteDouble(FloatValue(value));
                break;
            default:
                WriteInteger(output, field, value);
                break;
        }
    }

    private static void WriteInteger(CodedOutputStream output, FieldDescriptorProto field, OptionValue value)
    {
        if (value.Kind != OptionValueKind.Integer || !ProtocConventions.TryParseInteger(value.Text, out var number))
        {
            throw Bad(value, $"expected an integer for option \"{field.Name}\"");
        }

        var negative = value.Text.StartsWith('-');
        var fits = field.Type switch
        {
            Type.Int32 or Type.Sint32 or Type.Sfixed32 => number is >= int.MinValue and <= int.MaxValue,
            Type.Uint32 or Type.Fixed32 => !negative && number is >= 0 and <= uint.MaxValue,
            Type.Uint64 or Type.Fixed64 => !negative,
            _ => negative ? number <= 0 : number >= 0,
        };
        if (!fits)
        {
            throw Bad(value, $"value {value.Text} is out of range for option \"{field.Name}\" ({ProtocConventions.ScalarName(field.Type)})");
        }

        switch (field.Type)
        {
            case Type.Sint32:
                output.WriteTag(field.Number, WireFormat.WireType.Varint);
                output.WriteSInt32((int)number);
                break;
            case Type.Sint64:
                output.WriteTag(field.Number, WireFormat.WireType.Varint);
                output.WriteSInt64(number);
                break;
            case Type.Fixed32 or Type.Sfixed32:
                output.WriteTag(field.Number, WireFormat.WireType.Fixed32);
                output.WriteFixed32(unchecked((uint)number));
                break;
            case Type.Fixed64 or Type.Sfixed64:
                output.WriteTag(field.Number, WireFormat.WireType.Fixed64);
                output.WriteFixed64(unchecked((ulong)number));
                break;
            default:
                output.WriteTag(field.Number, WireFormat.WireType.Varint);
                output.WriteUInt64(unchecked((ulong)number));
                break;
        }
    }

    private int EnumNumber(FieldDescriptorProto field, OptionValue value, bool inAggregate)
    {
        var enumType = symbols.Find(field.TypeName[1..])?.Enum;
        if (value.Kind == OptionValueKind.Identifier && enumType?.Value.FirstOrDefault(v => v.Name == value.Text) is { } named)
        {
            return named.Number;
        }

        if (!inAggregate)
        {
            throw Bad(value, $"value must be an identifier for enum-valued option \"{field.Name}\"");
        }

        if (value.Kind == OptionValueKind.Integer && ProtocConventions.TryParseInteger(value.Text, out var number))
        {
            return (int)number;
        }

        throw Bad(value, $"\"{value.Text}\" is not a value of enum \"{field.TypeName[1..]}\"");
    }

    private static double FloatValue(OptionValue value)
    {
        var negative = value.Text.StartsWith('-');
        var magnitude = negative ? value.Text[1..] : value.Text;
        double result = magnitude switch
        {
            "inf" or "infinity" => double.PositiveInfinity,
            // protoc writes the positive quiet NaN; .NET's double.NaN has the sign bit set.
            "nan" => BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000),
            _ when value.Kind == OptionValueKind.Integer && ProtocConventions.TryParseInteger(magnitude, out var integer) => (ulong)integer,
            _ when value.Kind == OptionValueKind.Float => double.Parse(magnitude.TrimEnd('f', 'F'), CultureInfo.InvariantCulture),
            _ => throw Bad(value, "expected a number"),
        };
        return negative ? -result : result;
    }

    // Text-format aggregate values: each name is a field of the message or a bracketed extension of it.
    private byte[] EncodeAggregate(OptionValue aggregate, string messageType)
    {
        var message = symbols.Find(messageType)?.Message ?? throw Bad(aggregate, $"unknown message type \"{messageType}\"");
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        var seen = new HashSet<int>();
        foreach (var entry in aggregate.Fields!)
        {
            FieldDescriptorProto field;
            if (entry.Name.StartsWith('['))
            {
                var symbol = symbols.Find(entry.Name[1..^1].TrimStart('.'));
                field = symbol?.Kind == SymbolKind.Extension && symbol.Field!.Extendee == "." + messageType
                    ? symbol.Field
                    : throw Bad(entry.Value, $"extension \"{entry.Name[1..^1]}\" of \"{messageType}\" is unknown");
            }
            else
            {
                field = message.Field.FirstOrDefault(f => f.Name == entry.Name || (f.Type == Type.Group && f.TypeName.EndsWith("." + entry.Name, StringComparison.Ordinal)))
                    ?? throw Bad(entry.Value, $"message \"{messageType}\" has no field named \"{entry.Name}\"");
            }

            if (field.Label != Label.Repeated && !seen.Add(field.Number))
            {
                throw Bad(entry.Value, $"non-repeated field \"{entry.Name}\" is specified multiple times");
            }

            if (!IsSourceRetention(field))
            {
                WriteField(output, field, entry.Value, inAggregate: true);
            }
        }

        output.Flush();
        return stream.ToArray();
    }

    private static ProtoSchemaException Bad(OptionValue value, string problem) => new(value.Line, value.Column, problem);
}
