using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Governance.Schemas.Protobuf.Syntax;
using static Google.Protobuf.Reflection.FieldDescriptorProto.Types;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Governance.Schemas.Protobuf.Descriptors;

/// <summary>
/// Turns a <see cref="FileDescriptorProto"/> (a schema submitted in serialized form) back into a syntax tree, as
/// Confluent's ProtobufSchema.toProtoFile does: map entry messages stay nested messages with <c>map_entry = true</c>,
/// synthetic oneofs become <c>optional</c> fields, type names stay fully qualified, every json_name is kept, default
/// values are kept outside proto3, standard options become option statements. Unlike Confluent, groups stay groups.
/// Custom options (unknown fields of the options messages) are not carried into the text; the descriptor keeps them.
/// </summary>
internal sealed class ElementsFromDescriptor
{
    private readonly bool _proto3;
    private int _sequence;

    private ElementsFromDescriptor(FileDescriptorProto file)
    {
        _proto3 = file.Syntax == "proto3";
    }

    public static ProtoFileElement Convert(FileDescriptorProto file)
    {
        var converter = new ElementsFromDescriptor(file);
        var imports = file.Dependency.Select((path, i) => new ImportElement(path,
            file.PublicDependency.Contains(i) ? ImportKind.Public : file.WeakDependency.Contains(i) ? ImportKind.Weak : ImportKind.Normal, 0, 0)).ToList();
        var types = new List<TypeElement>();
        types.AddRange(file.MessageType.Select(converter.Message));
        types.AddRange(file.EnumType.Select(converter.Enum));
        var extends = converter.Extends(file.Extension);
        var services = file.Service.Select(s => new ServiceElement(s.Name, Options(s.Options), [.. s.Method.Select(m =>
            new RpcElement(m.Name, m.InputType, m.ClientStreaming, m.OutputType, m.ServerStreaming, Options(m.Options), m.Options is not null, 0, 0))], 0, 0)).ToList();
        var syntax = file.Syntax.Length == 0 ? null : file.Syntax;
        var edition = syntax == "editions" ? ((int)file.Edition == 1001 ? "2024" : "2023") : null;
        return new ProtoFileElement(syntax, edition, file.Package.Length == 0 ? null : file.Package, imports, Options(file.Options), types, extends, services);
    }

    private MessageElement Message(DescriptorProto message)
    {
        var element = new MessageElement(message.Name, 0, 0, _sequence++, Options(message.Options), [], [], [], [], [], []);
        var groups = message.Field.Where(f => f.Type == Type.Group).Select(f => f.TypeName[(f.TypeName.LastIndexOf('.') + 1)..]).ToHashSet();
        var groupSequence = new Dictionary<string, int>();
        foreach (var nested in message.NestedType)
        {
            if (groups.Contains(nested.Name))
            {
                groupSequence[nested.Name] = _sequence++;
            }
            else
            {
                element.NestedTypes.Add(Message(nested));
            }
        }

        element.NestedTypes.AddRange(message.EnumType.Select(Enum));
        var realOneOfs = message.OneofDecl.Select((o, i) => (o, i)).Where(p => !message.Field.Any(f => f.OneofIndex == p.i && f.Proto3Optional)).ToList();
        element.OneOfs.AddRange(realOneOfs.Select(p => new OneOfElement(p.o.Name, Options(p.o.Options), 0, 0)));
        foreach (var field in message.Field)
        {
            int? oneOf = field.HasOneofIndex && !field.Proto3Optional ? realOneOfs.FindIndex(p => p.i == field.OneofIndex) : null;
            if (field.Type == Type.Group)
            {
                var simpleName = field.TypeName[(field.TypeName.LastIndexOf('.') + 1)..];
                var group = Message(message.NestedType.First(n => n.Name == simpleName));
                element.Fields.Add(new FieldElement(LabelOf(field, oneOf), simpleName, field.Name, field.Number, Options(field.Options), null,
                    JsonName(field), oneOf, groupSequence[simpleName], 0, 0, Group: group with { Sequence = groupSequence[simpleName] }));
                continue;
            }

            element.Fields.Add(Field(field, oneOf));
        }

        foreach (var range in message.ExtensionRange)
        {
            element.ExtensionRanges.Add(new ExtensionsElement([new NumberRange(range.Start, range.End - 1)], Options(range.Options), 0, 0));
        }

        if (message.ReservedRange.Count > 0)
        {
            element.Reserveds.Add(new ReservedElement([.. message.ReservedRange.Select(r => new NumberRange(r.Start, r.End - 1))], [], 0, 0));
        }

        if (message.ReservedName.Count > 0)
        {
            element.Reserveds.Add(new ReservedElement([], [.. message.ReservedName], 0, 0));
        }

        element.Extends.AddRange(Extends(message.Extension));
        return element;
    }

    private FieldElement Field(FieldDescriptorProto field, int? oneOf) =>
        new(LabelOf(field, oneOf), TypeName(field), field.Name, field.Number, Options(field.Options), DefaultValue(field), JsonName(field), oneOf, _sequence++, 0, 0);

    private FieldLabel LabelOf(FieldDescriptorProto field, int? oneOf) => field.Label switch
    {
        _ when oneOf is not null => FieldLabel.None,
        Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label.Repeated => FieldLabel.Repeated,
        Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label.Required => FieldLabel.Required,
        _ when field.Proto3Optional => FieldLabel.Optional,
        _ => _proto3 ? FieldLabel.None : FieldLabel.Optional,
    };

    private static string TypeName(FieldDescriptorProto field) =>
        field.Type is Type.Message or Type.Enum or Type.Group ? field.TypeName : ProtocConventions.ScalarName(field.Type);

    // Confluent writes json_name whenever the descriptor has one (protoc always sets it).
    private static string? JsonName(FieldDescriptorProto field) => field.HasJsonName ? field.JsonName : null;

    private static OptionValue? DefaultValue(FieldDescriptorProto field)
    {
        if (!field.HasDefaultValue)
        {
            return null;
        }

        var text = field.DefaultValue;
        return field.Type switch
        {
            Type.String => new OptionValue(OptionValueKind.String, text, 0, 0, Encoding.UTF8.GetBytes(text)),
            Type.Bytes => new OptionValue(OptionValueKind.String, text, 0, 0, CUnescape(text)),
        Type.Bool or Type.Enum => new OptionValue(OptionValueKind.Identifier, text, 0, 0),
            Type.Float or Type.Double => new OptionValue(OptionValueKind.Float, text, 0, 0),
            _ => new OptionValue(OptionValueKind.Integer, text, 0, 0),
        };
    }

    private static byte[] CUnescape(string text) =>
        ProtoTokenizer.Tokenize("\"" + text + "\"")[0].StringBytes ?? [];

    private EnumElement Enum(EnumDescriptorProto enumType)
    {
        var element = new EnumElement(enumType.Name, 0, 0, _sequence++, Options(enumType.Options),
            [.. enumType.Value.Select(v => new EnumConstantElement(v.Name, v.Number, Options(v.Options), 0, 0))], []);
        if (enumType.ReservedRange.Count > 0)
        {
            element.Reserveds.Add(new ReservedElement([.. enumType.ReservedRange.Select(r => new NumberRange(r.Start, r.End))], [], 0, 0));
        }

        if (enumType.ReservedName.Count > 0)
        {
            element.Reserveds.Add(new ReservedElement([], [.. enumType.ReservedName], 0, 0));
        }

        return element;
    }

    private List<ExtendElement> Extends(IEnumerable<FieldDescriptorProto> extensions)
    {
        var result = new List<ExtendElement>();
        foreach (var extension in extensions)
        {
            if (result.Count == 0 || result[^1].Extendee != extension.Extendee)
            {
                result.Add(new ExtendElement(extension.Extendee, [], _sequence++, 0, 0));
            }

            // protoc gives extensions their default json_name; the text form cannot state one.
            result[^1].Fields.Add(Field(extension, null) with { JsonName = null });
        }

        return result;
    }

    /// <summary>The set fields of an options message as option statements, in field number order.</summary>
    private static List<OptionElement> Options(IMessage? options)
    {
        var result = new List<OptionElement>();
        if (options is null)
        {
            return result;
        }

        foreach (var field in options.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsRepeated)
            {
                foreach (var item in (System.Collections.IList)field.Accessor.GetValue(options))
                {
                    result.Add(new OptionElement(field.Name, Value(field, item), 0, 0));
                }
            }
            else if (field.Accessor.HasValue(options))
            {
                result.Add(new OptionElement(field.Name, Value(field, field.Accessor.GetValue(options)), 0, 0));
            }
        }

        return result;
    }

    private static OptionValue Value(FieldDescriptor field, object value) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => new OptionValue(OptionValueKind.Aggregate, "", 0, 0,
            Fields: [.. Options((IMessage)value).Select(o => new AggregateField(o.Name, o.Value))]),
        FieldType.Enum => new OptionValue(OptionValueKind.Identifier, field.EnumType.FindValueByNumber((int)value)?.Name ?? ((int)value).ToString(CultureInfo.InvariantCulture), 0, 0),
        FieldType.Bool => new OptionValue(OptionValueKind.Identifier, (bool)value ? "true" : "false", 0, 0),
        FieldType.String => new OptionValue(OptionValueKind.String, (string)value, 0, 0, Encoding.UTF8.GetBytes((string)value)),
        FieldType.Bytes => new OptionValue(OptionValueKind.String, "", 0, 0, ((ByteString)value).ToByteArray()),
        FieldType.Float or FieldType.Double => new OptionValue(OptionValueKind.Float, ProtocConventions.SimpleDtoa(System.Convert.ToDouble(value, CultureInfo.InvariantCulture)), 0, 0),
        _ => new OptionValue(OptionValueKind.Integer, System.Convert.ToString(value, CultureInfo.InvariantCulture)!, 0, 0),
    };
}
