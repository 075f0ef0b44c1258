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

        // Plain (and weak) imports first, then public imports, as Confluent keeps them in two lists.
        var imports = file.Imports.Where(i => i.Kind != ImportKind.Public).Concat(file.Imports.Where(i => i.Kind == ImportKind.Public));
        if (_normalize)
        {
            imports = imports.OrderBy(i => i.Kind == ImportKind.Public).ThenBy(i => i.Path, StringComparer.Ordinal).DistinctBy(i => i.Path);
        }

        AppendSection(sb, imports.Select(i => i.Kind switch
        {
            ImportKind.Public => $"import public \"{i.Path}\";\n",
            ImportKind.Weak => $"import weak \"{i.Path}\";\n",
            _ => $"import \"{i.Path}\";\n",
        }), indent: false);
        AppendSection(sb, OptionStatements(file.Options), indent: false);
        AppendSection(sb, Types(file.Types), indent: false);
        AppendSection(sb, file.Extends.Select(PrintExtend), indent: false);
        AppendSection(sb, file.Services.Select(PrintService), indent: false);
        return sb.ToString();
    }

    // Message order is kept even when normalizing: serialized message indexes refer to it.
    private IEnumerable<string> Types(IEnumerable<TypeElement> types)
    {
        var list = types.ToList();
        return list.OfType<MessageElement>().Where(m => !_normalize || !IsMapEntry(m)).Select(PrintMessage)
            .Concat(list.OfType<EnumElement>().Select(PrintEnum));
    }

    private string PrintMessage(MessageElement message)
    {
        var sb = new StringBuilder("message ").Append(message.Name).Append(" {");
        AppendMessageBody(sb, message);
        return sb.Append("}\n").ToString();
    }

    private void AppendMessageBody(StringBuilder sb, MessageElement message)
    {
        AppendSection(sb, Reserveds(message.Reserveds));
        AppendSection(sb, OptionStatements(message.Options));
        var fields = message.Fields.Where(f => f.OneOf is null && f.Group is null);
        AppendSection(sb, (_normalize ? fields.OrderBy(f => f.Number) : fields).Select(PrintField));

        var oneOfs = message.OneOfs
            .Select((oneOf, index) => (OneOf: oneOf, Fields: message.Fields.Where(f => f.OneOf == index).ToList()))
            .Where(o => o.Fields.Count > 0)
            .ToList();
        if (_normalize)
        {
            oneOfs = [.. oneOfs.Select(o => (o.OneOf, Fields: o.Fields.OrderBy(f => f.Number).ToList())).OrderBy(o => o.Fields[0].Number)];
        }

        AppendSection(sb, oneOfs.Select(o => PrintOneOf(o.OneOf, o.Fields)));
        AppendSection(sb, message.Fields.Where(f => f.OneOf is null && f.Group is not null).Select(PrintGroup));
        AppendSection(sb, message.ExtensionRanges.Select(extensions =>
        {
            var ranges = string.Join(", ", extensions.Ranges.Select(r => Range(r, ProtoParser.MaxFieldNumber)));
            var options = extensions.Options.Count > 0 ? " " + Options(extensions.Options) : "";
            return $"extensions {ranges}{options};\n";
        }));
        AppendSection(sb, Types(message.NestedTypes));
        AppendSection(sb, message.Extends.Select(PrintExtend));
    }

    /// <summary>A block of declarations: a line break before it (a blank line between blocks), then each entry.</summary>
    private static void AppendSection(StringBuilder sb, IEnumerable<string> entries, bool indent = true)
    {
        var list = entries.ToList();
        if (list.Count == 0)
        {
            return;
        }

        sb.Append('\n');
        foreach (var entry in list)
        {
            sb.Append(indent ? Indent(entry) : entry);
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
        AppendSection(sb, OptionStatements(oneOf.Options));
        AppendSection(sb, fields.Where(f => f.Group is null).Select(PrintField));
        AppendSection(sb, fields.Where(f => f.Group is not null).Select(PrintGroup));
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
        var constants = _normalize
            ? enumElement.Constants.OrderBy(c => c.Number).ThenBy(c => c.Name, StringComparer.Ordinal).ToList()
            : enumElement.Constants;
        AppendSection(sb, Reserveds(enumElement.Reserveds).Select(r => r.Replace($" to {int.MaxValue}", " to max", StringComparison.Ordinal))
            .Concat(OptionStatements(enumElement.Options))
            .Concat(constants.Select(c => $"{c.Name} = {c.Number}{(c.Options.Count > 0 ? " " + Options(c.Options) : "")};\n")));
        return sb.Append("}\n").ToString();
    }

    private string PrintExtend(ExtendElement extend)
    {
        var extendee = _normalize && _file.ResolvedTypes.TryGetValue(extend, out var resolved) ? resolved : extend.Extendee;
        var sb = new StringBuilder("extend ").Append(extendee).Append(" {");
        var fields = _normalize ? [.. extend.Fields.OrderBy(f => f.Number)] : extend.Fields;
        AppendSection(sb, fields.Select(f => f.Group is null ? PrintField(f) : PrintGroup(f)));
        return sb.Append("}\n").ToString();
    }

    private string PrintService(ServiceElement service)
    {
        var sb = new StringBuilder("service ").Append(service.Name).Append(" {");
        AppendSection(sb, OptionStatements(service.Options));
        AppendSection(sb, service.Rpcs.Select(PrintRpc));
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
            sb.Append(" {\n").Append(string.Concat(OptionStatements(rpc.Options).Select(Indent))).Append('}');
        }

        return sb.Append(";\n").ToString();
    }

    private IEnumerable<string> OptionStatements(List<OptionElement> options) =>
        SortedIfNormalizing(options).Select(option => $"option {Option(option)};\n");

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
            sb.Append(Indent(Option(ordered[i]) + (i < ordered.Count - 1 ? "," : "")));
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
