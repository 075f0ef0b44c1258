using System.Globalization;
using System.Text.Json;
using Governance.Schemas.Avro.Json;
using Governance.Schemas.Avro.Model;
using Governance.Schemas.Text;

namespace Governance.Schemas.Avro.Parsing;

/// <summary>
/// Parses Avro schema JSON (Avro 1.12 specification, "Schema Declaration") into the model, resolving names against the
/// types defined so far. One parser is used for the referenced schemas first, then for the schema itself, so that names
/// defined in references are known (as Confluent's <c>AvroSchema</c> feeds its Java <c>Schema.Parser</c>).
/// Every rejection names the problem and the JSON pointer where it is.
/// </summary>
/// <param name="limits">How deep each schema text may nest.</param>
internal sealed class AvroSchemaParser(SchemaLimits limits)
{
    // Attributes Java Avro interprets itself; everything else on a schema or field is a custom property.
    private static readonly HashSet<string> SchemaReserved = ["doc", "fields", "items", "name", "namespace", "size", "symbols", "values", "type", "aliases"];
    private static readonly HashSet<string> EnumReserved = [.. SchemaReserved, "default"];
    private static readonly HashSet<string> FieldReserved = ["default", "doc", "name", "order", "type", "aliases"];

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
    };

    // Named types by full name, across the referenced schemas and the schema itself.
    private readonly Dictionary<string, AvroNamedType> _namedTypes = new(StringComparer.Ordinal);

    // Named types of the document being parsed that were parsed early, through a forward reference, by their path.
    private readonly Dictionary<string, AvroNamedType> _parsedAtPath = new(StringComparer.Ordinal);
    private Dictionary<string, NamedTypeIndex.Definition> _definitionsAhead = [];
    private string _source = "";

    /// <summary>Parses one schema text; <paramref name="referenceName"/> names a referenced schema in messages.</summary>
    public AvroType Parse(string schemaText, string? referenceName = null)
    {
        _source = referenceName is null ? "" : $" in referenced schema '{referenceName}'";
        JsonDocument document;
        try
        {
            document = JsonNesting.Parse(schemaText, JsonOptions, limits);
        }
        catch (InvalidSchemaException e)
        {
            throw new InvalidSchemaException($"Schema{_source} at {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new InvalidSchemaException(
                $"Malformed JSON{_source} at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement.Clone();
            RequireValidText(root, "");
            _definitionsAhead = NamedTypeIndex.Build(root);
            _parsedAtPath.Clear();
            return ParseType(root, null, "");
        }
    }

    /// <summary>
    /// Rejects strings with unpaired surrogate escapes (such as <c>\ud800</c>), which are valid JSON but not text.
    /// </summary>
    private void RequireValidText(JsonElement node, string path)
    {
        try
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.String:
                    _ = node.GetString();
                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in node.EnumerateArray())
                    {
                        RequireValidText(item, $"{path}/{index++}");
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in node.EnumerateObject())
                    {
                        RequireValidText(property.Value, $"{path}/{property.Name}");
                    }

                    break;
            }
        }
        catch (InvalidOperationException e)
        {
            throw Invalid(path, $"the text is not valid UTF-16 ({e.Message})");
        }
    }

    private AvroType ParseType(JsonElement node, string? space, string path) => node.ValueKind switch
    {
        JsonValueKind.String => Lookup(node.GetString()!, space, path),
        JsonValueKind.Object => ParseObject(node, space, path),
        JsonValueKind.Array => ParseUnion(node, space, path),
        _ => throw Invalid(path, $"a schema must be a type name, an object or a union array, not {Describe(node)}"),
    };

    private AvroType ParseObject(JsonElement node, string? space, string path)
    {
        if (!node.TryGetProperty("type", out var typeNode) || typeNode.ValueKind != JsonValueKind.String)
        {
            throw Invalid(path, "a schema object needs a 'type' attribute naming its type as a string");
        }

        var type = typeNode.GetString()!;
        if (AvroTypeKindNames.TryParsePrimitive(type, out var primitive))
        {
            var properties = Properties(node, SchemaReserved);
            return new AvroPrimitiveType(primitive, properties, LogicalTypes.Recognise(primitive, 0, properties));
        }

        if (_parsedAtPath.TryGetValue(path, out var parsedAhead))
        {
            return parsedAhead;
        }

        return type switch
        {
            "record" or "error" => ParseRecord(node, space, path, type == "error"),
            "enum" => ParseEnum(node, space, path),
            "array" => ParseArray(node, space, path),
            "map" => ParseMap(node, space, path),
            "fixed" => ParseFixed(node, space, path),
            _ => Lookup(type, space, path + "/type"),
        };
    }

    private AvroRecordType ParseRecord(JsonElement node, string? space, string path, bool isError)
    {
        var name = ParseName(node, space, path);
        var doc = OptionalText(node, "doc", path);
        if (!node.TryGetProperty("fields", out var fieldsNode) || fieldsNode.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path, $"record '{name}' has no 'fields' array");
        }

        var record = new AvroRecordType(name, doc, ParseAliases(node, name.Namespace, path), isError, Properties(node, SchemaReserved));
        Define(record, path);
        var fields = new List<AvroField>();
        var index = 0;
        foreach (var fieldNode in fieldsNode.EnumerateArray())
        {
            var field = ParseField(fieldNode, index, name.Namespace, $"{path}/fields/{index}");
            if (fields.Any(f => f.Name == field.Name))
            {
                throw Invalid($"{path}/fields/{index}/name", $"duplicate field name '{field.Name}' in record '{name}'");
            }

            fields.Add(field);
            index++;
        }

        record.SetFields(fields);
        return record;
    }

    private AvroField ParseField(JsonElement node, int position, string? space, string path)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"a field must be an object, not {Describe(node)}");
        }

        var name = RequiredText(node, "name", path, "field");
        if (AvroNames.Problem(name) is { } problem)
        {
            throw Invalid(path + "/name", $"field name '{name}' {problem}");
        }

        if (!node.TryGetProperty("type", out var typeNode))
        {
            throw Invalid(path, $"field '{name}' has no 'type'");
        }

        var type = ParseType(typeNode, space, path + "/type");
        var order = AvroFieldOrder.Ascending;
        if (node.TryGetProperty("order", out var orderNode))
        {
            if (orderNode.ValueKind != JsonValueKind.String
                || !Enum.GetNames<AvroFieldOrder>().Contains(orderNode.GetString(), StringComparer.OrdinalIgnoreCase)
                || !Enum.TryParse(orderNode.GetString(), ignoreCase: true, out order))
            {
                throw Invalid(path + "/order", $"field '{name}' has order {JacksonJson.ToJson(orderNode)}; expected \"ascending\", \"descending\" or \"ignore\"");
            }
        }

        var defaultValue = node.TryGetProperty("default", out var defaultNode) ? ParseDefault(name, type, defaultNode, path + "/default") : (JsonElement?)null;
        return new AvroField(
            name,
            position,
            type,
            OptionalText(node, "doc", path),
            defaultValue,
            order,
            ParseFieldAliases(node, path),
            Properties(node, FieldReserved));
    }

    private JsonElement ParseDefault(string fieldName, AvroType type, JsonElement value, string path)
    {
        // Java Avro reads a string default of a float or double field as the number it spells.
        if (type.Kind is AvroTypeKind.Float or AvroTypeKind.Double && value.ValueKind == JsonValueKind.String)
        {
            if (!double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw Invalid(path, $"default {JacksonJson.ToJson(value)} of field '{fieldName}' is not a number");
            }

            using var converted = JsonDocument.Parse(JacksonJson.FormatDouble(number));
            return converted.RootElement.Clone();
        }

        if (!DefaultValues.IsValid(type, value))
        {
            throw Invalid(path, $"default {JacksonJson.ToJson(value)} of field '{fieldName}' does not match its type {Describe(type)}");
        }

        return value;
    }

    private AvroEnumType ParseEnum(JsonElement node, string? space, string path)
    {
        var name = ParseName(node, space, path);
        var doc = OptionalText(node, "doc", path);
        if (!node.TryGetProperty("symbols", out var symbolsNode) || symbolsNode.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path, $"enum '{name}' has no 'symbols' array");
        }

        var symbols = new List<string>();
        var index = 0;
        foreach (var symbolNode in symbolsNode.EnumerateArray())
        {
            var symbolPath = $"{path}/symbols/{index++}";
            if (symbolNode.ValueKind != JsonValueKind.String)
            {
                throw Invalid(symbolPath, $"enum symbol must be a string, not {Describe(symbolNode)}");
            }

            var symbol = symbolNode.GetString()!;
            if (AvroNames.Problem(symbol) is { } problem)
            {
                throw Invalid(symbolPath, $"enum symbol '{symbol}' {problem}");
            }

            if (symbols.Contains(symbol))
            {
                throw Invalid(symbolPath, $"duplicate enum symbol '{symbol}' in enum '{name}'");
            }

            symbols.Add(symbol);
        }

        string? defaultSymbol = null;
        if (node.TryGetProperty("default", out var defaultNode))
        {
            defaultSymbol = defaultNode.ValueKind == JsonValueKind.String ? defaultNode.GetString() : null;
            if (defaultSymbol is null || !symbols.Contains(defaultSymbol))
            {
                throw Invalid(path + "/default", $"enum default {JacksonJson.ToJson(defaultNode)} is not one of the symbols [{string.Join(", ", symbols)}] of enum '{name}'");
            }
        }

        var properties = Properties(node, EnumReserved);
        var result = new AvroEnumType(name, doc, ParseAliases(node, name.Namespace, path), symbols, defaultSymbol, properties,
            LogicalTypes.Recognise(AvroTypeKind.Enum, 0, properties));
        Define(result, path);
        return result;
    }

    private AvroArrayType ParseArray(JsonElement node, string? space, string path)
    {
        if (!node.TryGetProperty("items", out var items))
        {
            throw Invalid(path, "array has no 'items' type");
        }

        var properties = Properties(node, SchemaReserved);
        return new AvroArrayType(ParseType(items, space, path + "/items"), properties, LogicalTypes.Recognise(AvroTypeKind.Array, 0, properties));
    }

    private AvroMapType ParseMap(JsonElement node, string? space, string path)
    {
        if (!node.TryGetProperty("values", out var values))
        {
            throw Invalid(path, "map has no 'values' type");
        }

        var properties = Properties(node, SchemaReserved);
        return new AvroMapType(ParseType(values, space, path + "/values"), properties, LogicalTypes.Recognise(AvroTypeKind.Map, 0, properties));
    }

    private AvroFixedType ParseFixed(JsonElement node, string? space, string path)
    {
        var name = ParseName(node, space, path);
        var doc = OptionalText(node, "doc", path);
        if (!node.TryGetProperty("size", out var sizeNode))
        {
            throw Invalid(path, $"fixed '{name}' has no 'size'");
        }

        if (sizeNode.ValueKind != JsonValueKind.Number || !JacksonJsonWriter.IsIntegral(sizeNode) || !sizeNode.TryGetInt32(out var size) || size < 0)
        {
            throw Invalid(path + "/size", $"fixed '{name}' has size {JacksonJson.ToJson(sizeNode)}; the size must be a non-negative int");
        }

        var properties = Properties(node, SchemaReserved);
        var result = new AvroFixedType(name, doc, ParseAliases(node, name.Namespace, path), size, properties,
            LogicalTypes.Recognise(AvroTypeKind.Fixed, size, properties));
        Define(result, path);
        return result;
    }

    private AvroUnionType ParseUnion(JsonElement node, string? space, string path)
    {
        var branches = new List<AvroType>();
        var index = 0;
        foreach (var branchNode in node.EnumerateArray())
        {
            var branchPath = $"{path}/{index++}";
            var branch = ParseType(branchNode, space, branchPath);
            if (branch is AvroUnionType)
            {
                throw Invalid(branchPath, "a union may not directly contain another union");
            }

            if (branches.Any(b => b.UnionBranchName == branch.UnionBranchName))
            {
                throw Invalid(branchPath, $"duplicate type '{branch.UnionBranchName}' in union");
            }

            branches.Add(branch);
        }

        return new AvroUnionType(branches);
    }

    /// <summary>Finds a type by name as Java's <c>Schema.Names.get</c> does: primitive, then in the namespace, then unqualified.</summary>
    private AvroType Lookup(string typeName, string? space, string path)
    {
        if (AvroTypeKindNames.TryParsePrimitive(typeName, out var primitive))
        {
            return new AvroPrimitiveType(primitive, [], null);
        }

        var qualified = AvroName.Of(typeName, space).FullName;
        if (_namedTypes.TryGetValue(qualified, out var named) || _namedTypes.TryGetValue(typeName, out named))
        {
            return named;
        }

        // A forward reference: parse the definition found further on now; reaching it later returns the same type.
        if (_definitionsAhead.TryGetValue(qualified, out var ahead) || _definitionsAhead.TryGetValue(typeName, out ahead))
        {
            return ParseType(ahead.Node, ahead.Namespace, ahead.Path);
        }

        throw Invalid(path, $"unknown type name '{typeName}'" + (qualified != typeName ? $" (looked up as '{qualified}')" : "")
            + "; it is not a primitive type nor defined in this schema or a referenced one");
    }

    private AvroName ParseName(JsonElement node, string? enclosingSpace, string path)
    {
        var fullName = RequiredText(node, "name", path, "named type");
        var space = OptionalText(node, "namespace", path) ?? enclosingSpace;

        var name = AvroName.Of(fullName, space);
        if (AvroNames.Problem(name.Name) is { } problem)
        {
            throw Invalid(path + "/name", $"name '{fullName}' {problem}");
        }

        if (name.Namespace is not null && AvroNames.NamespaceProblem(name.Namespace) is { } spaceProblem)
        {
            throw Invalid(path + (fullName.Contains('.', StringComparison.Ordinal) ? "/name" : "/namespace"), $"namespace '{name.Namespace}' {spaceProblem}");
        }

        if (AvroTypeKindNames.TryParsePrimitive(name.FullName, out _))
        {
            throw Invalid(path + "/name", $"a named type may not be named after the primitive type '{name.FullName}'");
        }

        return name;
    }

    private void Define(AvroNamedType type, string path)
    {
        if (!_namedTypes.TryAdd(type.FullName, type))
        {
            throw Invalid(path + "/name", $"type name '{type.FullName}' is already defined; a name may be defined only once");
        }

        _parsedAtPath[path] = type;
    }

    private List<AvroName> ParseAliases(JsonElement node, string? space, string path) =>
        [.. AliasTexts(node, path).Select(alias => AvroName.Of(alias, space)).Distinct()];

    private List<string> ParseFieldAliases(JsonElement node, string path) => [.. AliasTexts(node, path).Distinct()];

    private IEnumerable<string> AliasTexts(JsonElement node, string path)
    {
        if (!node.TryGetProperty("aliases", out var aliases))
        {
            return [];
        }

        if (aliases.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path + "/aliases", $"aliases must be an array of strings, not {Describe(aliases)}");
        }

        var result = new List<string>();
        var index = 0;
        foreach (var alias in aliases.EnumerateArray())
        {
            if (alias.ValueKind != JsonValueKind.String)
            {
                throw Invalid($"{path}/aliases/{index}", $"an alias must be a string, not {Describe(alias)}");
            }

            if (!result.Contains(alias.GetString()!))
            {
                result.Add(alias.GetString()!);
            }

            index++;
        }

        return result;
    }

    private static List<AvroProperty> Properties(JsonElement node, HashSet<string> reserved) =>
        [.. JacksonJsonWriter.DistinctProperties(node).Where(p => !reserved.Contains(p.Name)).Select(p => new AvroProperty(p.Name, p.Value))];

    private string RequiredText(JsonElement node, string attribute, string path, string what) =>
        node.TryGetProperty(attribute, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Invalid(path, $"{what} has no '{attribute}' string");

    /// <summary>An optional string attribute; JSON null counts as absent, as Java Avro reads it.</summary>
    private string? OptionalText(JsonElement node, string attribute, string path) =>
        !node.TryGetProperty(attribute, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw Invalid($"{path}/{attribute}", $"'{attribute}' must be a string, not {Describe(value)}");

    private InvalidSchemaException Invalid(string path, string problem) =>
        new($"Invalid Avro schema{_source} at '{(path.Length == 0 ? "/" : path)}': {problem}");

    private static string Describe(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {JacksonJson.ToJson(node)}",
        JsonValueKind.Number => $"the number {node.GetRawText()}",
        _ => node.GetRawText(),
    };

    private static string Describe(AvroType type) => type switch
    {
        AvroNamedType named => $"{named.Kind.SchemaName()} '{named.FullName}'",
        AvroUnionType union => $"[{string.Join(", ", union.Branches.Select(b => b.UnionBranchName))}]",
        _ => type.Kind.SchemaName(),
    };
}
