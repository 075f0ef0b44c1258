using Google.Protobuf.Reflection;

namespace Governance.Schemas.Protobuf.Descriptors;

internal enum SymbolKind
{
    Package,
    Message,
    Enum,
    EnumValue,
    Field,
    Extension,
    OneOf,
    Service,
    Method,
}

/// <summary>A named declaration; <see cref="Message"/> or <see cref="Enum"/> is set for types, <see cref="Field"/> for fields and extensions.</summary>
internal sealed record Symbol(
    string FullName,
    SymbolKind Kind,
    string File,
    DescriptorProto? Message = null,
    EnumDescriptorProto? Enum = null,
    FieldDescriptorProto? Field = null)
{
    public bool IsType => Kind is SymbolKind.Message or SymbolKind.Enum;

    public bool IsAggregate => Kind is SymbolKind.Message or SymbolKind.Enum or SymbolKind.Package or SymbolKind.Service;
}

/// <summary>
/// Fully-qualified names visible to one file, with protoc's scoping rules for relative names
/// (descriptor.cc, DescriptorBuilder::LookupSymbol): search outward from the innermost scope for the first component of
/// the name, then resolve the rest inside what was found.
/// </summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _syntaxByFile = new(StringComparer.Ordinal);

    /// <summary>Records the syntax (<c>proto2</c>, <c>proto3</c>, <c>editions</c>) of a file whose symbols are in the table.</summary>
    public void SetSyntax(string file, string? syntax) => _syntaxByFile[file] = string.IsNullOrEmpty(syntax) ? "proto2" : syntax;

    public string SyntaxOf(string file) => _syntaxByFile.GetValueOrDefault(file, "proto2");

    public Symbol? Find(string fullName) => _symbols.GetValueOrDefault(fullName);

    /// <summary>The visible extension of <paramref name="extendee"/> (a full name without leading dot) with that number.</summary>
    public Symbol? FindExtension(string extendee, int number) =>
        _symbols.Values.FirstOrDefault(s => s.Kind == SymbolKind.Extension && s.Field!.Number == number && s.Field.Extendee == "." + extendee);

    /// <summary>Adds a symbol; returns the existing one when the name is taken by a non-package symbol.</summary>
    public Symbol? TryAdd(Symbol symbol)
    {
        if (_symbols.TryGetValue(symbol.FullName, out var existing))
        {
            return existing.Kind == SymbolKind.Package && symbol.Kind == SymbolKind.Package ? null : existing;
        }

        _symbols[symbol.FullName] = symbol;
        return null;
    }

    public void AddPackage(string package, string file)
    {
        var parts = package.Split('.');
        for (var i = 1; i <= parts.Length; i++)
        {
            var name = string.Join('.', parts[..i]);
            _symbols.TryAdd(name, new Symbol(name, SymbolKind.Package, file));
        }
    }

    /// <summary>Adds every type, field, enum value, service and extension of <paramref name="file"/>.</summary>
    public void AddFile(FileDescriptorProto file)
    {
        SetSyntax(file.Name, file.Syntax);
        var prefix = file.Package.Length > 0 ? file.Package + "." : "";
        if (file.Package.Length > 0)
        {
            AddPackage(file.Package, file.Name);
        }

        foreach (var message in file.MessageType)
        {
            AddMessage(prefix + message.Name, message, file.Name);
        }

        foreach (var enumType in file.EnumType)
        {
            AddEnum(prefix, enumType, file.Name);
        }

        foreach (var extension in file.Extension)
        {
            TryAdd(new Symbol(prefix + extension.Name, SymbolKind.Extension, file.Name, Field: extension));
        }

        foreach (var service in file.Service)
        {
            TryAdd(new Symbol(prefix + service.Name, SymbolKind.Service, file.Name));
        }
    }

    private void AddMessage(string fullName, DescriptorProto message, string file)
    {
        TryAdd(new Symbol(fullName, SymbolKind.Message, file, Message: message));
        foreach (var field in message.Field)
        {
            TryAdd(new Symbol(fullName + "." + field.Name, SymbolKind.Field, file, Field: field));
        }

        foreach (var extension in message.Extension)
        {
            TryAdd(new Symbol(fullName + "." + extension.Name, SymbolKind.Extension, file, Field: extension));
        }

        foreach (var nested in message.NestedType)
        {
            AddMessage(fullName + "." + nested.Name, nested, file);
        }

        foreach (var enumType in message.EnumType)
        {
            AddEnum(fullName + ".", enumType, file);
        }
    }

    private void AddEnum(string prefix, EnumDescriptorProto enumType, string file)
    {
        TryAdd(new Symbol(prefix + enumType.Name, SymbolKind.Enum, file, Enum: enumType));

        // Enum values are siblings of their enum, not children (C++ scoping), protobuf.dev "Enumerations".
        foreach (var value in enumType.Value)
        {
            TryAdd(new Symbol(prefix + value.Name, SymbolKind.EnumValue, file));
        }
    }

    /// <summary>
    /// Resolves <paramref name="name"/> as written inside the declaration named <paramref name="relativeTo"/>.
    /// With <paramref name="typesOnly"/>, a non-type symbol found for the whole name does not stop the search.
    /// </summary>
    public Symbol? Lookup(string name, string relativeTo, bool typesOnly)
    {
        if (name.StartsWith('.'))
        {
            return Find(name[1..]);
        }

        var dot = name.IndexOf('.');
        var firstPart = dot < 0 ? name : name[..dot];
        var scope = relativeTo;
        while (true)
        {
            var lastDot = scope.LastIndexOf('.');
            if (lastDot < 0)
            {
                var global = Find(name);
                return global is not null && typesOnly && !global.IsType && dot < 0 ? null : global;
            }

            scope = scope[..lastDot];
            var candidate = Find(scope + "." + firstPart);
            if (candidate is not null)
            {
                if (dot >= 0)
                {
                    if (candidate.IsAggregate)
                    {
                        return Find(scope + "." + name);
                    }
                }
                else if (!typesOnly || candidate.IsType)
                {
                    return candidate;
                }
            }
        }
    }
}
