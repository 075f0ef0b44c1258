using System.Text;
using Governance.Schemas.Protobuf.Descriptors;
using Governance.Schemas.Protobuf.Syntax;

namespace Governance.Schemas.Protobuf.Printing;

/// <summary>
/// Renders a syntax tree in the fixed layout of Confluent's canonical Protobuf text (ProtobufSchemaUtils.toString):
/// syntax, package, imports, options, messages then enums, extends, services; two-space indentation; no comments.
/// With <c>normalize</c> it applies Confluent's normalization: imports and options sorted, fields sorted by number,
/// oneofs sorted by their first field, reserved entries split and sorted, enum values sorted, and type names
/// fully qualified with a leading dot.
/// </summary>
internal sealed class SchemaPrinter
{
    private readonly ProtoFile _file;
    private readonly bool _normalize;
    private readonly bool _editions;
    private readonly Dictionary<string, string> _mapTypes = new(StringComparer.Ordinal);

    private SchemaPrinter(ProtoFile file, bool normalize)
    {
        _file = file;
        _normalize = normalize;
        _editions = file.Element.Syntax == "editions";
        var prefix = file.Descriptor.Package.Length > 0 ? "." + file.Descriptor.Package + "." : ".";
        CollectMapTypes(file.Descriptor.MessageType, prefix);
    }

    // A schema given as a descriptor declares its map entry messages; normalizing prints their fields as map<K, V>.
    private void CollectMapTypes(IEnumerable<Google.Protobuf.Reflection.DescriptorProto> messages, string prefix)
    {
        foreach (var message in messages)
        {
            if (message.Options?.MapEntry == true && message.Field.Count == 2)
            {
                _mapTypes[prefix + message.Name] = $"map<{TypeOf(message.Field[0])}, {TypeOf(message.Field[1])}>";
            }

            CollectMapTypes(message.NestedType, prefix + message.Name + ".");
        }

        static string TypeOf(Google.Protobuf.Reflection.FieldDescriptorProto field) =>
            field.TypeName.Length > 0 ? field.TypeName : ProtocConventions.ScalarName(field.Type);
    }

    private static bool IsMapEntry(MessageElement message) =>
        message.Options.Any(o => o.Name == "map_entry" && o.Value.Text == "true");

    public static string Print(ProtoFile file, bool normalize) => new SchemaPrinter(file, normalize).PrintFile(file.Element);

    private string PrintFile(ProtoFileElement file)
    {
        var sb = new StringBuilder();
        if (file.Syntax == "editions")
        {
            sb.Append("edition = \"").Append(file.Edition).Append("\";\n");
        }
        else if (file.Syntax is not null)
        {
            sb.Append("syntax = \"").Append(file.Syntax).Append("\";\n");
        }

        if (file.PackageName is not null)
        {
            sb.Append("package ").Append(file.PackageName).Append(";\n");
        }

        if (file.Imports.Count > 0)
        {
            sb.Append('\n');
            // Plain (and weak) imports first, then public imports, as Confluent keeps them in two lists.
            foreach (var isPublic in new[] { false, true })
            {
                var imports = file.Imports.Where(i => (i.Kind == ImportKind.Public) == isPublic);
                if (_normalize)
                {
                    imports = imports.OrderBy(i => i.Path, StringComparer.Ordinal).DistinctBy(i => i.Path);
                }

                foreach (var import in imports)
                {
                    var prefix = import.Kind switch { ImportKind.Public => "import public \"", ImportKind.Weak => "import weak \"", _ => "import \"" };
                    sb.Append(prefix).Append(import.Path).Append("\";\n");
                }
            }
        }

        if (file.Options.Count > 0)
        {
            sb.Append('\n');
            AppendOptionStatements(sb, file.Options, indent: false);
        }

        if (file.Types.Count > 0)
        {
            sb.Append('\n');
            AppendTypes(sb, file.Types, indent: false);
        }

        if (file.Extends.Count > 0)
        {
            sb.Append('\n');
            foreach (var extend in file.Extends)
            {
                sb.Append(PrintExtend(extend));
            }
        }

        if (file.Services.Count > 0)
        {
            sb.Append('\n');
            foreach (var service in file.Services)
            {
                sb.Append(PrintService(service));
            }
        }

        return sb.ToString();
    }

    // Message order is kept even when normalizing: serialized message indexes refer to it.
    private void AppendTypes(StringBuilder sb, IEnumerable<TypeElement> types, bool indent)
    {
        var list = types.ToList();
        foreach (var message in list.OfType<MessageElement>().Where(m => !_normalize || !IsMapEntry(m)))
        {
            Append(sb, PrintMessage(message), indent);
        }

        foreach (var enumElement in list.OfType<EnumElement>())
        {
            Append(sb, PrintEnum(enumElement), indent);
        }
    }

    private string PrintMessage(MessageElement message)
    {
        var sb = new StringBuilder("message ").Append(message.Name).Append(" {");
        AppendMessageBody(sb, message);
        return sb.Append("}\n").ToString();
    }

    private void AppendMessageBody(StringBuilder sb, MessageElement message)
    {
        if (message.Reserveds.Count > 0)
        {
            sb.Append('\n');
            foreach (var reserved in Reserveds(message.Reserveds))
            {
                Append(sb, reserved, indent: true);
            }
        }

        if (message.Options.Count > 0)
        {
            sb.Append('\n');
            AppendOptionStatements(sb, message.Options, indent: true);
        }

        var fields = message.Fields.Where(f => f.OneOf is null && f.Group is null).ToList();
        if (fields.Count > 0)
        {
            sb.Append('\n');
            foreach (var field in _normalize ? [.. fields.OrderBy(f => f.Number)] : fields)
            {
                Append(sb, PrintField(field), indent: true);
            }
        }

        var oneOfs = message.OneOfs
            .Select((oneOf, index) => (OneOf: oneOf, Fields: message.Fields.Where(f => f.OneOf == index).ToList()))
            .Where(o => o.Fields.Count > 0)
            .ToList();
        if (_normalize)
        {
            oneOfs = [.. oneOfs.Select(o => (o.OneOf, Fields: o.Fields.OrderBy(f => f.Number).ToList())).OrderBy(o => o.Fields[0].Number)];
        }

        if (oneOfs.Count > 0)
        {
            sb.Append('\n');
            foreach (var (oneOf, oneOfFields) in oneOfs)
            {
                Append(sb, PrintOneOf(oneOf, oneOfFields), indent: true);
            }
        }

        var groups = message.Fields.Where(f => f.OneOf is null && f.Group is not null).ToList();
        if (groups.Count > 0)
        {
            sb.Append('\n');
            foreach (var group in groups)
            {
                Append(sb, PrintGroup(group), indent: true);
            }
        }

        if (message.ExtensionRanges.Count > 0)
        {
            sb.Append('\n');
            foreach (var extensions in message.ExtensionRanges)
            {
                var ranges = string.Join(", ", extensions.Ranges.Select(r => Range(r, ProtoParser.MaxFieldNumber)));
                var options = extensions.Options.Count > 0 ? " " + Options(extensions.Options) : "";
                Append(sb, $"extensions {ranges}{options};\n", indent: true);
            }
        }

        if (message.NestedTypes.Count > 0)
        {
            sb.Append('\n');
            AppendTypes(sb, message.NestedTypes, indent: true);
        }

        if (message.Extends.Count > 0)
        {
            sb.Append('\n');
            foreach (var extend in message.Extends)
            {
                Append(sb, PrintExtend(extend), indent: true);
            }
        }
    }

    private IEnumerable<string> Reserveds(List<ReservedElement> reserveds)
    {
        if (!_normalize)
        {
            return reserveds.Select(r => "reserved " + string.Join(", ",
                r.Ranges.Select(range => Range(range, -1)).Concat(r.Names.Select(ReservedName))) + ";\n");
        }

        var entries = reserveds.SelectMany(r => r.Ranges.Select(range => (Key: range.Start, Text: Range(range, -1)))
            .Concat(r.Names.Select(name => (Key: int.MaxValue, Text: ReservedName(name)))));
        return entries.OrderBy(e => e.Key).ThenBy(e => e.Text, StringComparer.Ordinal).Select(e => $"reserved {e.Text};\n");
    }

    private string ReservedName(string name) => _editions ? name : $"\"{name}\"";

    private static string Range(NumberRange range, int max) =>
        range.Start == range.End ? $"{range.Start}" : range.End == max ? $"{range.Start} to max" : $"{range.Start} to {range.End}";

    private string PrintOneOf(OneOfElement oneOf, List<FieldElement> fields)
    {
        var sb = new StringBuilder("oneof ").Append(oneOf.Name).Append(" {");
        if (oneOf.Options.Count > 0)
        {
            sb.Append('\n');
            AppendOptionStatements(sb, oneOf.Options, indent: true);
        }

        var plain = fields.Where(f => f.Group is null).ToList();
        if (plain.Count > 0)
        {
            sb.Append('\n');
            foreach (var field in plain)
            {
                Append(sb, PrintField(field), indent: true);
            }
        }

        var groups = fields.Where(f => f.Group is not null).ToList();
        if (groups.Count > 0)
        {
            sb.Append('\n');
            foreach (var group in groups)
            {
                Append(sb, PrintGroup(group), indent: true);
            }
        }

        return sb.Append("}\n").ToString();
    }

    private string PrintGroup(FieldElement field)
    {
        var sb = new StringBuilder();
        if (field.Label != FieldLabel.None)
        {
            sb.Append(field.Label.ToString().ToLowerInvariant()).Append(' ');
        }

        sb.Append("group ").Append(field.Group!.Name).Append(" = ").Append(field.Number);
        var options = FieldOptions(field);
        if (options.Count > 0)
        {
            sb.Append(' ').Append(Options(options));
        }

        sb.Append(" {");
        AppendMessageBody(sb, field.Group);
        return sb.Append("}\n").ToString();
    }

    private string PrintField(FieldElement field)
    {
        var sb = new StringBuilder();
        var label = field.Label;
        var type = field.Type;
        if (_normalize)
        {
            if (field.MapKey is not null)
            {
                var value = ProtocConventions.ScalarTypes.ContainsKey(field.MapValue!) ? field.MapValue : _file.ResolvedTypes[field];
                type = $"map<{field.MapKey}, {value}>";
                label = FieldLabel.None;
            }
            else if (!ProtocConventions.ScalarTypes.ContainsKey(type) && _file.ResolvedTypes.TryGetValue(field, out var resolved))
            {
                type = _mapTypes.GetValueOrDefault(resolved) ?? resolved;
                if (_mapTypes.ContainsKey(resolved))
                {
                    label = FieldLabel.None;
                }
            }
        }

        if (label != FieldLabel.None)
        {
            sb.Append(label.ToString().ToLowerInvariant()).Append(' ');
        }

        sb.Append(type).Append(' ').Append(field.Name).Append(" = ").Append(field.Number);
        var options = FieldOptions(field);
        if (options.Count > 0)
        {
            sb.Append(' ').Append(Options(options));
        }

        return sb.Append(";\n").ToString();
    }

    // default and json_name are printed as options after the field's own, as Confluent does.
    private static List<OptionElement> FieldOptions(FieldElement field)
    {
        var options = new List<OptionElement>(field.Options);
        if (field.DefaultValue is not null)
        {
            options.Add(new OptionElement("default", field.DefaultValue, field.DefaultValue.Line, field.DefaultValue.Column));
        }

        if (field.JsonName is not null)
        {
            options.Add(new OptionElement("json_name", new OptionValue(OptionValueKind.String, field.JsonName, 0, 0, Encoding.UTF8.GetBytes(field.JsonName)), 0, 0));
        }

        return options;
    }

    private string PrintEnum(EnumElement enumElement)
    {
        var sb = new StringBuilder("enum ").Append(enumElement.Name).Append(" {");
        if (enumElement.Options.Count > 0 || enumElement.Constants.Count > 0 || enumElement.Reserveds.Count > 0)
        {
            sb.Append('\n');
        }

        foreach (var reserved in Reserveds(enumElement.Reserveds))
        {
            Append(sb, reserved.Replace($" to {int.MaxValue}", " to max", StringComparison.Ordinal), indent: true);
        }

        AppendOptionStatements(sb, enumElement.Options, indent: true);
        var constants = _normalize
            ? enumElement.Constants.OrderBy(c => c.Number).ThenBy(c => c.Name, StringComparer.Ordinal).ToList()
            : enumElement.Constants;
        foreach (var constant in constants)
        {
            var options = constant.Options.Count > 0 ? " " + Options(constant.Options) : "";
            Append(sb, $"{constant.Name} = {constant.Number}{options};\n", indent: true);
        }

        return sb.Append("}\n").ToString();
    }

    private string PrintExtend(ExtendElement extend)
    {
        var extendee = _normalize && _file.ResolvedTypes.TryGetValue(extend, out var resolved) ? resolved : extend.Extendee;
        var sb = new StringBuilder("extend ").Append(extendee).Append(" {");
        if (extend.Fields.Count > 0)
        {
            sb.Append('\n');
            foreach (var field in _normalize ? [.. extend.Fields.OrderBy(f => f.Number)] : extend.Fields)
            {
                Append(sb, field.Group is null ? PrintField(field) : PrintGroup(field), indent: true);
            }
        }

        return sb.Append("}\n").ToString();
    }

    private string PrintService(ServiceElement service)
    {
        var sb = new StringBuilder("service ").Append(service.Name).Append(" {");
        if (service.Options.Count > 0)
        {
            sb.Append('\n');
            AppendOptionStatements(sb, service.Options, indent: true);
        }

        if (service.Rpcs.Count > 0)
        {
            sb.Append('\n');
            foreach (var rpc in service.Rpcs)
            {
                Append(sb, PrintRpc(rpc), indent: true);
            }
        }

        return sb.Append("}\n").ToString();
    }

    private string PrintRpc(RpcElement rpc)
    {
        var request = _normalize ? _file.ResolvedTypes[(rpc, "request")] : rpc.RequestType;
        var response = _normalize ? _file.ResolvedTypes[(rpc, "response")] : rpc.ResponseType;
        var sb = new StringBuilder("rpc ").Append(rpc.Name).Append(" (")
            .Append(rpc.RequestStreaming ? "stream " : "").Append(request).Append(") returns (")
            .Append(rpc.ResponseStreaming ? "stream " : "").Append(response).Append(')');
        if (rpc.Options.Count > 0)
        {
            sb.Append(" {\n");
            AppendOptionStatements(sb, rpc.Options, indent: true);
            sb.Append('}');
        }

        return sb.Append(";\n").ToString();
    }

    private void AppendOptionStatements(StringBuilder sb, List<OptionElement> options, bool indent)
    {
        foreach (var option in SortedIfNormalizing(options))
        {
            Append(sb, $"option {Option(option)};\n", indent);
        }
    }

    private IEnumerable<OptionElement> SortedIfNormalizing(List<OptionElement> options) =>
        _normalize ? options.OrderBy(o => o.Name.Trim('(', ')'), StringComparer.Ordinal) : options;

    /// <summary>One option alone in brackets on one line; several, one per line.</summary>
    private string Options(List<OptionElement> options)
    {
        var ordered = SortedIfNormalizing(options).ToList();
        if (ordered.Count == 1)
        {
            return "[" + Option(ordered[0]) + "]";
        }

        var sb = new StringBuilder("[\n");
        for (var i = 0; i < ordered.Count; i++)
        {
            Append(sb, Option(ordered[i]) + (i < ordered.Count - 1 ? "," : ""), indent: true);
        }

        return sb.Append(']').ToString();
    }

    private string Option(OptionElement option) => option.Name + " = " + Value(option.Value);

    private string Value(OptionValue value) => value.Kind switch
    {
        OptionValueKind.String => "\"" + EscapeBytes(value.Bytes!) + "\"",
        OptionValueKind.Aggregate => "{\n" + AggregateFields(value) + "}",
        OptionValueKind.List => "[\n" + string.Join("", value.Items!.Select((item, i) =>
            Indent(Value(item) + (i < value.Items!.Count - 1 ? "," : "")))) + "]",
        _ => value.Text,
    };

    private string AggregateFields(OptionValue aggregate)
    {
        var fields = _normalize
            ? aggregate.Fields!.OrderBy(f => f.Name, StringComparer.Ordinal).ToList()
            : aggregate.Fields!;
        var sb = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            sb.Append(Indent(fields[i].Name + ": " + Value(fields[i].Value) + (i < fields.Count - 1 ? "," : "")));
        }

        return sb.ToString();
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Valid UTF-8 as Confluent escapes strings; other bytes (a bytes default) as octal escapes, losslessly.</summary>
    private static string EscapeBytes(byte[] bytes)
    {
        try
        {
            return Escape(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return string.Concat(bytes.Select(b => b is >= 0x20 and < 0x7f
                ? Escape(((char)b).ToString())
                : "\\" + Convert.ToString(b, 8).PadLeft(3, '0')));
        }
    }

    /// <summary>The escapes Confluent writes in string values (ProtobufSchemaUtils.escapeChars).</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\v' => "\\v",
                '\\' => "\\\\",
                '\'' => "\\'",
                '"' => "\\\"",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string text, bool indent) => sb.Append(indent ? Indent(text) : text);

    private static string Indent(string text)
    {
        var lines = text.Split('\n');
        var count = lines.Length > 1 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append("  ").Append(lines[i]).Append('\n');
        }

        return sb.ToString();
    }
}
