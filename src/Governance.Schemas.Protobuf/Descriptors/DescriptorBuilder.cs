using System.Text;
using Google.Protobuf.Reflection;
using Governance.Schemas.Protobuf.Syntax;
using static Google.Protobuf.Reflection.FieldDescriptorProto.Types;
using FileOptions = Google.Protobuf.Reflection.FileOptions;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Governance.Schemas.Protobuf.Descriptors;

/// <summary>
/// Turns a parsed <c>.proto</c> syntax tree into the <see cref="FileDescriptorProto"/> protoc would write for it
/// (<c>--descriptor_set_out</c> without source info), checking what protoc checks: names resolve, numbers are unique and
/// not reserved, proto3 restrictions, options exist. Work happens in three passes: declare (descriptor skeleton and this
/// file's symbols), resolve (type names, extendees, default values), then options and validation.
/// </summary>
internal sealed partial class DescriptorBuilder
{
    private const string DescriptorProtoPath = "google/protobuf/descriptor.proto";

    private readonly ProtoFileElement _element;
    private readonly FileDescriptorProto _file;
    private readonly SymbolTable _symbols = new();
    private readonly Dictionary<object, string> _resolvedTypes = new();
    private readonly List<Action> _resolutions = [];
    private readonly List<Action> _fieldOptionWork = [];
    private readonly List<Action> _optionWork = [];
    private readonly Func<string, ProtoFile?> _loadImport;
    private readonly List<ProtoFile> _dependencies = [];
    private readonly string _package;
    private OptionEncoder? _optionEncoder;

    private DescriptorBuilder(string name, ProtoFileElement element, Func<string, ProtoFile?> loadImport)
    {
        _element = element;
        _loadImport = loadImport;
        _package = element.PackageName ?? "";
        _file = new FileDescriptorProto { Name = name };
    }

    private bool IsProto3 => _element.Syntax == "proto3";

    private bool IsEditions => _element.Syntax == "editions";

    /// <summary>Builds <paramref name="element"/>; <paramref name="loadImport"/> returns the built file for an import path, or null.</summary>
    public static ProtoFile Build(string name, string text, ProtoFileElement element, Func<string, ProtoFile?> loadImport)
    {
        var builder = new DescriptorBuilder(name, element, loadImport);
        builder.Run();
        return new ProtoFile(name, text, element, builder._file, builder._resolvedTypes, builder._dependencies);
    }

    private void Run()
    {
        DeclareFile();
        foreach (var resolve in _resolutions)
        {
            resolve();
        }

        // Field options first: they say which options have source retention (descriptor.proto's own fields).
        foreach (var interpret in _fieldOptionWork.Concat(_optionWork))
        {
            interpret();
        }
    }

    private void DeclareFile()
    {
        _symbols.SetSyntax(_file.Name, _element.Syntax);
        if (_element.PackageName is not null)
        {
            _file.Package = _element.PackageName;
            _symbols.AddPackage(_element.PackageName, _file.Name);
        }

        if (_element.Syntax is "proto3" or "editions")
        {
            _file.Syntax = _element.Syntax;
        }

        if (IsEditions)
        {
            _file.Edition = _element.Edition switch
            {
                "2023" => Edition._2023,
                "2024" => (Edition)1001, // EDITION_2024 in descriptor.proto; newer than this Google.Protobuf
                _ => throw new ProtoSchemaException(1, 1, $"edition \"{_element.Edition}\" is not supported; expected \"2023\" or \"2024\""),
            };
        }

        DeclareImports();
        var prefix = _package.Length > 0 ? _package + "." : "";
        foreach (var type in _element.Types.OrderBy(t => t.Sequence))
        {
            switch (type)
            {
                case MessageElement message:
                    _file.MessageType.Add(DeclareMessage(message, prefix + message.Name));
                    break;
                case EnumElement enumElement:
                    _file.EnumType.Add(DeclareEnum(enumElement, prefix));
                    break;
            }
        }

        foreach (var extend in _element.Extends)
        {
            foreach (var field in extend.Fields)
            {
                _file.Extension.Add(DeclareExtension(extend, field, _package));
            }
        }

        foreach (var service in _element.Services)
        {
            _file.Service.Add(DeclareService(service, prefix));
        }

        if (_element.Options.Count > 0)
        {
            _optionWork.Add(() => _file.Options = Options<FileOptions>(_element.Options, "FileOptions", _package));
        }
    }

    private void DeclareImports()
    {
        var visible = new HashSet<string>(StringComparer.Ordinal);
        foreach (var import in _element.Imports)
        {
            if (_file.Dependency.Contains(import.Path))
            {
                throw new ProtoSchemaException(import.Line, import.Column, $"import \"{import.Path}\" was listed twice");
            }

            var dependency = _loadImport(import.Path)
                ?? throw new ProtoSchemaException(import.Line, import.Column,
                    $"import \"{import.Path}\" was not found: add a schema reference named \"{import.Path}\"");
            if (import.Kind == ImportKind.Public)
            {
                _file.PublicDependency.Add(_file.Dependency.Count);
            }
            else if (import.Kind == ImportKind.Weak)
            {
                _file.WeakDependency.Add(_file.Dependency.Count);
            }

            _file.Dependency.Add(import.Path);
            _dependencies.Add(dependency);
            AddVisible(dependency, visible);
        }
    }

    // A file sees the files it imports and, through them, their public imports (protobuf.dev "Importing Definitions").
    private void AddVisible(ProtoFile dependency, HashSet<string> visible)
    {
        if (!visible.Add(dependency.Name))
        {
            return;
        }

        _symbols.AddFile(dependency.Descriptor);
        foreach (var index in dependency.Descriptor.PublicDependency)
        {
            AddVisible(dependency.Dependencies[index], visible);
        }
    }

    private void Declare(string fullName, SymbolKind kind, int line, int column, DescriptorProto? message = null, EnumDescriptorProto? enumType = null, FieldDescriptorProto? field = null)
    {
        var existing = _symbols.TryAdd(new Symbol(fullName, kind, _file.Name, message, enumType, field));
        if (existing is null)
        {
            return;
        }

        var dot = fullName.LastIndexOf('.');
        var where = existing.File == _file.Name
            ? dot < 0 ? "" : $" in \"{fullName[..dot]}\""
            : $" in file \"{existing.File}\"";
        throw new ProtoSchemaException(line, column, $"\"{(dot < 0 ? fullName : fullName[(dot + 1)..])}\" is already defined{where}");
    }

    private DescriptorProto DeclareMessage(MessageElement element, string fullName)
    {
        var message = new DescriptorProto { Name = element.Name };
        Declare(fullName, SymbolKind.Message, element.Line, element.Column, message: message);
        var nested = new List<(int Sequence, DescriptorProto Message)>();
        foreach (var type in element.NestedTypes)
        {
            switch (type)
            {
                case MessageElement nestedMessage:
                    nested.Add((nestedMessage.Sequence, DeclareMessage(nestedMessage, fullName + "." + nestedMessage.Name)));
                    break;
                case EnumElement nestedEnum:
                    message.EnumType.Add(DeclareEnum(nestedEnum, fullName + "."));
                    break;
            }
        }

        foreach (var oneOf in element.OneOfs)
        {
            if (!element.Fields.Any(f => f.OneOf == message.OneofDecl.Count))
            {
                throw new ProtoSchemaException(oneOf.Line, oneOf.Column, $"oneof \"{oneOf.Name}\" must have at least one field");
            }

            var declaration = new OneofDescriptorProto { Name = oneOf.Name };
            Declare(fullName + "." + oneOf.Name, SymbolKind.OneOf, oneOf.Line, oneOf.Column);
            message.OneofDecl.Add(declaration);
            if (oneOf.Options.Count > 0)
            {
                _optionWork.Add(() => declaration.Options = Options<OneofOptions>(oneOf.Options, "OneofOptions", fullName + "." + oneOf.Name));
            }
        }

        foreach (var field in element.Fields)
        {
            var descriptor = DeclareField(field, fullName);
            message.Field.Add(descriptor);
            if (field.MapKey is not null)
            {
                nested.Add((field.Sequence, DeclareMapEntry(field, fullName)));
            }
            else if (field.Group is not null)
            {
                nested.Add((field.Sequence, DeclareMessage(field.Group, fullName + "." + field.Group.Name)));
            }
        }

        AddSyntheticOneOfs(element, message);
        message.NestedType.AddRange(nested.OrderBy(n => n.Sequence).Select(n => n.Message));
        foreach (var extend in element.Extends)
        {
            foreach (var field in extend.Fields)
            {
                message.Extension.Add(DeclareExtension(extend, field, fullName));
            }
        }

        foreach (var extensions in element.ExtensionRanges)
        {
            if (IsProto3)
            {
                throw new ProtoSchemaException(extensions.Line, extensions.Column, "extension ranges are not allowed in proto3");
            }

            foreach (var range in extensions.Ranges)
            {
                var extensionRange = new DescriptorProto.Types.ExtensionRange { Start = range.Start, End = range.End + 1 };
                message.ExtensionRange.Add(extensionRange);
                if (extensions.Options.Count > 0)
                {
                    _optionWork.Add(() => extensionRange.Options = Options<ExtensionRangeOptions>(extensions.Options, "ExtensionRangeOptions", fullName));
                }
            }
        }

        foreach (var reserved in element.Reserveds)
        {
            foreach (var range in reserved.Ranges)
            {
                message.ReservedRange.Add(new DescriptorProto.Types.ReservedRange { Start = range.Start, End = range.End + 1 });
            }

            message.ReservedName.AddRange(reserved.Names);
        }

        if (element.Options.Count > 0)
        {
            _optionWork.Add(() => message.Options = Options<MessageOptions>(element.Options, "MessageOptions", fullName));
        }

        _optionWork.Add(() => ValidateMessage(element, message, fullName));
        return message;
    }

    // proto3 optional fields live in a oneof of their own named "_" + field name, after the real oneofs (protoc's parser).
    private void AddSyntheticOneOfs(MessageElement element, DescriptorProto message)
    {
        if (!IsProto3)
        {
            return;
        }

        var taken = new HashSet<string>(element.Fields.Select(f => f.Name).Concat(element.OneOfs.Select(o => o.Name)), StringComparer.Ordinal);
        for (var i = 0; i < element.Fields.Count; i++)
        {
            if (element.Fields[i].Label != FieldLabel.Optional)
            {
                continue;
            }

            var name = "_" + element.Fields[i].Name;
            while (!taken.Add(name))
            {
                name = "X" + name;
            }

            message.Field[i].Proto3Optional = true;
            message.Field[i].OneofIndex = message.OneofDecl.Count;
            message.OneofDecl.Add(new OneofDescriptorProto { Name = name });
        }
    }

    /// <summary>The parts of a field or extension descriptor that come straight from its declaration.</summary>
    private static FieldDescriptorProto NewField(FieldElement element, Label label) => new()
    {
        Name = element.Name,
        Number = element.Number,
        JsonName = element.JsonName ?? ProtocConventions.JsonName(element.Name),
        Label = label,
    };

    private FieldDescriptorProto DeclareField(FieldElement element, string scope)
    {
        var field = NewField(element, element.Label switch
        {
            FieldLabel.Repeated => Label.Repeated,
            FieldLabel.Required => Label.Required,
            _ when element.MapKey is not null => Label.Repeated,
            _ => Label.Optional,
        });
        if (element.Label == FieldLabel.Required && (IsProto3 || IsEditions))
        {
            throw new ProtoSchemaException(element.Line, element.Column,
                $"required fields are not allowed in {_element.Syntax}; field \"{element.Name}\"");
        }

        if (element.OneOf is { } oneOf)
        {
            field.OneofIndex = oneOf;
        }

        Declare(scope + "." + element.Name, SymbolKind.Field, element.Line, element.Column, field: field);
        if (element.MapKey is not null)
        {
            field.Type = Type.Message;
            field.TypeName = "." + scope + "." + ProtocConventions.MapEntryName(element.Name);
        }
        else if (element.Group is not null)
        {
            if (IsProto3)
            {
                throw new ProtoSchemaException(element.Line, element.Column, "groups are not supported in proto3; use a nested message");
            }

            field.Type = Type.Group;
            field.TypeName = "." + scope + "." + element.Group.Name;
        }
        else
        {
            DeclareFieldType(field, element.Type, scope + "." + element.Name, element, element.Line, element.Column);
        }

        if (element.DefaultValue is not null)
        {
            if (IsProto3)
            {
                throw new ProtoSchemaException(element.DefaultValue.Line, element.DefaultValue.Column, "explicit default values are not allowed in proto3");
            }

            if (field.Label == Label.Repeated)
            {
                throw new ProtoSchemaException(element.DefaultValue.Line, element.DefaultValue.Column, "repeated fields cannot have default values");
            }

            _resolutions.Add(() => field.DefaultValue = DefaultValue(field, element.DefaultValue));
        }

        if (element.Options.Count > 0)
        {
            _fieldOptionWork.Add(() => field.Options = Options<FieldOptions>(element.Options, "FieldOptions", scope + "." + element.Name));
        }

        return field;
    }

    // A scalar keyword sets the type at once; any other name is resolved once every symbol is declared.
    private void DeclareFieldType(FieldDescriptorProto field, string typeName, string relativeTo, object key, int line, int column)
    {
        if (ProtocConventions.ScalarTypes.TryGetValue(typeName, out var scalar))
        {
            field.Type = scalar;
            return;
        }

        _resolutions.Add(() =>
        {
            var symbol = ResolveType(typeName, relativeTo, line, column);
            field.Type = symbol.Kind == SymbolKind.Enum ? Type.Enum : Type.Message;
            field.TypeName = "." + symbol.FullName;
            _resolvedTypes[key] = "." + symbol.FullName;
        });
    }

    private Symbol ResolveType(string name, string relativeTo, int line, int column)
    {
        var symbol = _symbols.Lookup(name, relativeTo, typesOnly: true)
            ?? throw new ProtoSchemaException(line, column, $"\"{name}\" is not defined");
        if (!symbol.IsType)
        {
            throw new ProtoSchemaException(line, column, $"\"{name}\" is not a type");
        }

        return symbol;
    }

    private DescriptorProto DeclareMapEntry(FieldElement element, string scope)
    {
        var entryName = ProtocConventions.MapEntryName(element.Name);
        var fullName = scope + "." + entryName;
        var entry = new DescriptorProto { Name = entryName, Options = new MessageOptions { MapEntry = true } };
        Declare(fullName, SymbolKind.Message, element.Line, element.Column, message: entry);
        if (!ProtocConventions.ScalarTypes.TryGetValue(element.MapKey!, out var keyType)
            || keyType is Type.Float or Type.Double or Type.Bytes)
        {
            throw new ProtoSchemaException(element.Line, element.Column,
                $"key in map fields cannot be {element.MapKey}; use an integral or string type");
        }

        var key = new FieldDescriptorProto { Name = "key", Number = 1, Label = Label.Optional, Type = keyType, JsonName = "key" };
        var value = new FieldDescriptorProto { Name = "value", Number = 2, Label = Label.Optional, JsonName = "value" };
        DeclareFieldType(value, element.MapValue!, fullName + ".value", element, element.Line, element.Column);
        entry.Field.Add(key);
        entry.Field.Add(value);
        return entry;
    }

    private FieldDescriptorProto DeclareExtension(ExtendElement extend, FieldElement element, string scope)
    {
        var prefix = scope.Length > 0 ? scope + "." : "";
        var field = NewField(element, element.Label switch
        {
            FieldLabel.Repeated => Label.Repeated,
            FieldLabel.Required => throw new ProtoSchemaException(element.Line, element.Column, "extensions cannot be required"),
            _ => Label.Optional,
        });
        if (IsProto3 && element.Label == FieldLabel.Optional)
        {
            field.Proto3Optional = true;
        }

        if (element.JsonName is not null)
        {
            throw new ProtoSchemaException(element.Line, element.Column, "option json_name is not allowed on extension fields");
        }

        RefuseImplementationReservedNumber(element);

        Declare(prefix + element.Name, SymbolKind.Extension, element.Line, element.Column, field: field);
        if (element.Group is not null)
        {
            field.Type = Type.Group;
            field.TypeName = "." + prefix + element.Group.Name;
        }
        else
        {
            DeclareFieldType(field, element.Type, prefix + element.Name, element, element.Line, element.Column);
        }

        _resolutions.Add(() =>
        {
            // The extendee is looked up among all symbols, not only types, as protoc does.
            var extendee = _symbols.Lookup(extend.Extendee, prefix + element.Name, typesOnly: false)
                ?? throw new ProtoSchemaException(extend.Line, extend.Column, $"\"{extend.Extendee}\" is not defined");
            if (extendee.Kind != SymbolKind.Message)
            {
                throw new ProtoSchemaException(extend.Line, extend.Column, $"\"{extend.Extendee}\" is not a message type");
            }

            field.Extendee = "." + extendee.FullName;
            _resolvedTypes[extend] = "." + extendee.FullName;
            if (!extendee.Message!.ExtensionRange.Any(r => r.Start <= element.Number && element.Number < r.End))
            {
                throw new ProtoSchemaException(element.Line, element.Column,
                    $"\"{extendee.FullName}\" does not declare {element.Number} as an extension number");
            }

            // proto3 may extend only descriptor.proto's *Options messages, i.e. define custom options.
            if (IsProto3 && !(extendee.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal) && extendee.FullName.EndsWith("Options", StringComparison.Ordinal)))
            {
                throw new ProtoSchemaException(extend.Line, extend.Column, "extensions in proto3 are only allowed for defining options");
            }

            if (_symbols.FindExtension(extendee.FullName, element.Number) is { } other && other.Field != field)
            {
                throw new ProtoSchemaException(element.Line, element.Column,
                    $"extension number {element.Number} has already been used in \"{extendee.FullName}\" by extension \"{other.FullName}\"");
            }
        });
        if (element.DefaultValue is not null)
        {
            _resolutions.Add(() => field.DefaultValue = DefaultValue(field, element.DefaultValue));
        }

        if (element.Options.Count > 0)
        {
            _fieldOptionWork.Add(() => field.Options = Options<FieldOptions>(element.Options, "FieldOptions", prefix + element.Name));
        }

        return field;
    }

    private EnumDescriptorProto DeclareEnum(EnumElement element, string prefix)
    {
        var enumType = new EnumDescriptorProto { Name = element.Name };
        Declare(prefix + element.Name, SymbolKind.Enum, element.Line, element.Column, enumType: enumType);
        if (element.Constants.Count == 0)
        {
            throw new ProtoSchemaException(element.Line, element.Column, $"enum \"{element.Name}\" must contain at least one value");
        }

        foreach (var constant in element.Constants)
        {
            var value = new EnumValueDescriptorProto { Name = constant.Name, Number = constant.Number };
            Declare(prefix + constant.Name, SymbolKind.EnumValue, constant.Line, constant.Column);
            enumType.Value.Add(value);
            if (constant.Options.Count > 0)
            {
                _optionWork.Add(() => value.Options = Options<EnumValueOptions>(constant.Options, "EnumValueOptions", prefix + element.Name + "." + constant.Name));
            }
        }

        foreach (var reserved in element.Reserveds)
        {
            foreach (var range in reserved.Ranges)
            {
                enumType.ReservedRange.Add(new EnumDescriptorProto.Types.EnumReservedRange { Start = range.Start, End = range.End });
            }

            enumType.ReservedName.AddRange(reserved.Names);
        }

        if (element.Options.Count > 0)
        {
            _optionWork.Add(() => enumType.Options = Options<EnumOptions>(element.Options, "EnumOptions", prefix + element.Name));
        }

        _optionWork.Add(() => ValidateEnum(element, enumType));
        return enumType;
    }

    private ServiceDescriptorProto DeclareService(ServiceElement element, string prefix)
    {
        var service = new ServiceDescriptorProto { Name = element.Name };
        var fullName = prefix + element.Name;
        Declare(fullName, SymbolKind.Service, element.Line, element.Column);
        foreach (var rpc in element.Rpcs)
        {
            var method = new MethodDescriptorProto { Name = rpc.Name };
            Declare(fullName + "." + rpc.Name, SymbolKind.Method, rpc.Line, rpc.Column);
            if (rpc.RequestStreaming)
            {
                method.ClientStreaming = true;
            }

            if (rpc.ResponseStreaming)
            {
                method.ServerStreaming = true;
            }

            _resolutions.Add(() =>
            {
                method.InputType = ResolveMessage(rpc.RequestType, fullName + "." + rpc.Name, rpc.Line, rpc.Column);
                method.OutputType = ResolveMessage(rpc.ResponseType, fullName + "." + rpc.Name, rpc.Line, rpc.Column);
                _resolvedTypes[(rpc, "request")] = method.InputType;
                _resolvedTypes[(rpc, "response")] = method.OutputType;
            });
            service.Method.Add(method);
            if (rpc.HasBody)
            {
                _optionWork.Add(() => method.Options = Options<MethodOptions>(rpc.Options, "MethodOptions", fullName + "." + rpc.Name));
            }
        }

        if (element.Options.Count > 0)
        {
            _optionWork.Add(() => service.Options = Options<ServiceOptions>(element.Options, "ServiceOptions", fullName));
        }

        return service;
    }

    private string ResolveMessage(string name, string relativeTo, int line, int column)
    {
        var symbol = ResolveType(name, relativeTo, line, column);
        return symbol.Kind == SymbolKind.Message
            ? "." + symbol.FullName
            : throw new ProtoSchemaException(line, column, $"\"{name}\" is not a message type");
    }

    private T? Options<T>(List<OptionElement> options, string optionsType, string scope)
        where T : class, Google.Protobuf.IMessage<T>, new()
    {
        _optionEncoder ??= new OptionEncoder(_symbols, EnsureDescriptorProtoVisible);
        var bytes = _optionEncoder.Encode(options, "google.protobuf." + optionsType, scope);
        if (bytes is null)
        {
            return null;
        }

        var message = new T();
        Google.Protobuf.MessageExtensions.MergeFrom(message, bytes);
        return message;
    }

    // Standard options are fields of descriptor.proto's *Options messages, which protoc knows without an import.
    private void EnsureDescriptorProtoVisible()
    {
        if (_symbols.Find("google.protobuf.FileOptions") is not null)
        {
            return;
        }

        var descriptorProto = _loadImport(DescriptorProtoPath)
            ?? throw new InvalidOperationException("the bundled google/protobuf/descriptor.proto is missing");
        _symbols.AddFile(descriptorProto.Descriptor);
    }

    private string DefaultValue(FieldDescriptorProto field, OptionValue value)
    {
        var text = value.Text;
        switch (field.Type)
        {
            case Type.String:
                return value.Kind == OptionValueKind.String
                    ? Encoding.UTF8.GetString(value.Bytes!)
                    : throw BadDefault(value, "a string");
            case Type.Bytes:
                return value.Kind == OptionValueKind.String
                    ? ProtocConventions.CEscape(value.Bytes!)
                    : throw BadDefault(value, "a string");
            case Type.Bool:
                return text is "true" or "false" && value.Kind == OptionValueKind.Identifier
                    ? text
                    : throw BadDefault(value, "true or false");
            case Type.Float or Type.Double:
                return FloatDefault(value);
            case Type.Enum:
                var enumSymbol = _symbols.Find(field.TypeName[1..])!;
                return value.Kind == OptionValueKind.Identifier && enumSymbol.Enum!.Value.Any(v => v.Name == text)
                    ? text
                    : throw BadDefault(value, $"a value of enum \"{enumSymbol.FullName}\"");
            case Type.Message or Type.Group:
                throw new ProtoSchemaException(value.Line, value.Column, "messages cannot have default values");
            default:
                return IntegerDefault(field.Type, value);
        }
    }

    private static string FloatDefault(OptionValue value)
    {
        var negative = value.Text.StartsWith('-');
        var magnitude = negative ? value.Text[1..] : value.Text;
        double parsed;
        if (value.Kind == OptionValueKind.Identifier || (value.Kind == OptionValueKind.Float && char.IsAsciiLetter(magnitude[0])))
        {
            parsed = magnitude switch
            {
                "inf" or "infinity" => double.PositiveInfinity,
                "nan" => double.NaN,
                _ => throw BadDefault(value, "a number"),
            };
        }
        else if (value.Kind == OptionValueKind.Integer && ProtocConventions.TryParseInteger(magnitude, out var integer))
        {
            parsed = (ulong)integer;
        }
        else if (value.Kind == OptionValueKind.Float)
        {
            parsed = double.Parse(magnitude.TrimEnd('f', 'F'), System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            throw BadDefault(value, "a number");
        }

        return (negative ? "-" : "") + ProtocConventions.SimpleDtoa(parsed);
    }

    private static string IntegerDefault(Type type, OptionValue value)
    {
        if (value.Kind != OptionValueKind.Integer || !ProtocConventions.TryParseInteger(value.Text, out var parsed))
        {
            throw BadDefault(value, "an integer");
        }

        var unsigned = type is Type.Uint32 or Type.Uint64 or Type.Fixed32 or Type.Fixed64;
        var inRange = type switch
        {
            Type.Int32 or Type.Sint32 or Type.Sfixed32 => parsed is >= int.MinValue and <= int.MaxValue,
            Type.Uint32 or Type.Fixed32 => parsed is >= 0 and <= uint.MaxValue,
            Type.Uint64 or Type.Fixed64 => !value.Text.StartsWith('-'),
            _ => !(value.Text.StartsWith('-') ? parsed > 0 : parsed < 0),
        };
        if (!inRange)
        {
            throw BadDefault(value, $"an integer in the range of {ProtocConventions.ScalarName(type)}");
        }

        return unsigned ? ((ulong)parsed).ToString(System.Globalization.CultureInfo.InvariantCulture) : parsed.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ProtoSchemaException BadDefault(OptionValue value, string expected) =>
        new(value.Line, value.Column, $"default value {(value.Text.Length > 0 ? value.Text : "")} is not {expected}");
}
