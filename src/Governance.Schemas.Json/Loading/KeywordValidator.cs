using System.Text.Json;
using System.Text.RegularExpressions;

namespace Governance.Schemas.Json.Loading;

/// <summary>
/// Checks that the keywords of one schema object have the value types their draft's meta-schema demands
/// (<c>"type": 5</c>, <c>"required": "x"</c>, a negative <c>minLength</c>, an unknown type name are refused).
/// Subschemas are checked when they are loaded; unknown keywords are annotations and pass. Empty arrays the meta-schemas
/// frown on (<c>"allOf": []</c>, <c>"required": []</c> in draft 4) pass, as they do in Confluent's loader.
/// </summary>
internal static class KeywordValidator
{
    private static readonly HashSet<string> TypeNames =
        new(["array", "boolean", "integer", "null", "number", "object", "string"], StringComparer.Ordinal);

    private static readonly string[] NonNegativeIntegerKeywords =
        ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains"];

    private static readonly string[] StringKeywords = ["format", "title", "description", "$ref", "$schema", "$anchor", "$comment", "$recursiveRef", "$dynamicRef", "$dynamicAnchor"];

    private static readonly string[] SchemaKeywords =
        ["additionalProperties", "additionalItems", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedProperties", "unevaluatedItems"];

    private static readonly string[] SchemaArrayKeywords = ["allOf", "anyOf", "oneOf", "prefixItems"];

    private static readonly string[] SchemaMapKeywords = ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"];

    /// <summary>Throws <see cref="InvalidSchemaException"/> naming the first keyword of <paramref name="schema"/> whose value is wrong.</summary>
    public static void Validate(SchemaObject schema, SchemaDocument document, string pointer)
    {
        var draft = document.Draft;
        foreach (var keyword in NonNegativeIntegerKeywords)
        {
            if (schema.TryGetProperty(keyword, out var value) && !IsNonNegativeInteger(value))
            {
                throw Invalid(document, pointer, keyword, "must be a non-negative integer", value);
            }
        }

        foreach (var keyword in StringKeywords.Append(document.IdKeyword))
        {
            Require(schema, document, pointer, keyword, JsonValueKind.String, "must be a string");
        }

        foreach (var keyword in (ReadOnlySpan<string>)["minimum", "maximum"])
        {
            Require(schema, document, pointer, keyword, JsonValueKind.Number, "must be a number");
        }

        foreach (var keyword in (ReadOnlySpan<string>)["exclusiveMinimum", "exclusiveMaximum"])
        {
            if (draft == JsonSchemaDraft.Draft4)
            {
                RequireBoolean(schema, document, pointer, keyword, "must be a boolean in draft 4");
            }
            else
            {
                Require(schema, document, pointer, keyword, JsonValueKind.Number, "must be a number");
            }
        }

        if (schema.TryGetProperty("multipleOf", out var multipleOf)
            && (multipleOf.ValueKind != JsonValueKind.Number || multipleOf.GetDouble() <= 0))
        {
            throw Invalid(document, pointer, "multipleOf", "must be a number greater than 0", multipleOf);
        }

        RequireBoolean(schema, document, pointer, "uniqueItems", "must be a boolean");
        ValidateType(schema, document, pointer);
        ValidateStringArray(schema, document, pointer, "required");
        Require(schema, document, pointer, "enum", JsonValueKind.Array, "must be an array");
        ValidatePattern(schema, document, pointer);

        foreach (var keyword in SchemaKeywords)
        {
            RequireSchema(schema, document, pointer, keyword);
        }

        foreach (var keyword in SchemaArrayKeywords)
        {
            if (schema.TryGetProperty(keyword, out var value) && value.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(document, pointer, keyword, "must be an array of schemas", value);
            }
        }

        foreach (var keyword in SchemaMapKeywords)
        {
            Require(schema, document, pointer, keyword, JsonValueKind.Object, "must be an object whose values are schemas");
        }

        ValidateItems(schema, document, pointer);
        ValidateDependencies(schema, document, pointer);
    }

    private static void ValidateType(SchemaObject schema, SchemaDocument document, string pointer)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return;
        }

        var names = type.ValueKind switch
        {
            JsonValueKind.String => [type],
            JsonValueKind.Array when type.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String) => type.EnumerateArray().ToList(),
            _ => throw Invalid(document, pointer, "type", "must be a type name or an array of type names", type),
        };
        foreach (var name in names)
        {
            if (!TypeNames.Contains(name.GetString()!))
            {
                throw new InvalidSchemaException(
                    $"Invalid JSON Schema at {document.Describe(JsonPointer.Append(pointer, "type"))}: unknown type \"{name.GetString()}\"; "
                    + $"the types are {string.Join(", ", TypeNames.Order(StringComparer.Ordinal))}");
            }
        }

        if (names.Select(n => n.GetString()).Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw Invalid(document, pointer, "type", "must not name a type twice", type);
        }
    }

    private static void ValidatePattern(SchemaObject schema, SchemaDocument document, string pointer)
    {
        if (schema.TryGetProperty("pattern", out var pattern))
        {
            if (pattern.ValueKind != JsonValueKind.String)
            {
                throw Invalid(document, pointer, "pattern", "must be a string", pattern);
            }

            RequireRegex(pattern.GetString()!, document, JsonPointer.Append(pointer, "pattern"));
        }

        if (schema.TryGetProperty("patternProperties", out var patternProperties) && patternProperties.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in patternProperties.EnumerateObject())
            {
                RequireRegex(member.Name, document, JsonPointer.Append(JsonPointer.Append(pointer, "patternProperties"), member.Name));
            }
        }
    }

    private static void ValidateItems(SchemaObject schema, SchemaDocument document, string pointer)
    {
        if (!schema.TryGetProperty("items", out var items))
        {
            return;
        }

        var allowsArray = document.Draft != JsonSchemaDraft.Draft2020_12;
        if (!IsSchema(items) && !(allowsArray && items.ValueKind == JsonValueKind.Array))
        {
            throw Invalid(document, pointer, "items", allowsArray ? "must be a schema or an array of schemas" : "must be a schema", items);
        }
    }

    private static void ValidateDependencies(SchemaObject schema, SchemaDocument document, string pointer)
    {
        if (schema.TryGetProperty("dependencies", out var dependencies))
        {
            if (dependencies.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(document, pointer, "dependencies", "must be an object", dependencies);
            }

            foreach (var member in dependencies.EnumerateObject())
            {
                if (!IsSchema(member.Value) && !IsUniqueStringArray(member.Value))
                {
                    throw Invalid(document, JsonPointer.Append(pointer, "dependencies"), member.Name,
                        "must be a schema or an array of property names", member.Value);
                }
            }
        }

        if (schema.TryGetProperty("dependentRequired", out var dependentRequired))
        {
            if (dependentRequired.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(document, pointer, "dependentRequired", "must be an object", dependentRequired);
            }

            foreach (var member in dependentRequired.EnumerateObject())
            {
                ValidateStringArray(new SchemaObject(dependentRequired), document, JsonPointer.Append(pointer, "dependentRequired"), member.Name);
            }
        }
    }

    private static void ValidateStringArray(SchemaObject schema, SchemaDocument document, string pointer, string keyword)
    {
        if (schema.TryGetProperty(keyword, out var value) && !IsUniqueStringArray(value))
        {
            throw Invalid(document, pointer, keyword, "must be an array of distinct strings", value);
        }
    }

    private static void RequireRegex(string pattern, SchemaDocument document, string pointer)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new InvalidSchemaException($"Invalid JSON Schema at {document.Describe(pointer)}: not a valid regular expression: {e.Message}", e);
        }
    }

    private static void Require(SchemaObject schema, SchemaDocument document, string pointer, string keyword, JsonValueKind kind, string expectation)
    {
        if (schema.TryGetProperty(keyword, out var value) && value.ValueKind != kind)
        {
            throw Invalid(document, pointer, keyword, expectation, value);
        }
    }

    private static void RequireBoolean(SchemaObject schema, SchemaDocument document, string pointer, string keyword, string expectation)
    {
        if (schema.TryGetProperty(keyword, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw Invalid(document, pointer, keyword, expectation, value);
        }
    }

    private static void RequireSchema(SchemaObject schema, SchemaDocument document, string pointer, string keyword)
    {
        if (schema.TryGetProperty(keyword, out var value) && !IsSchema(value))
        {
            throw Invalid(document, pointer, keyword, "must be a schema (an object or a boolean)", value);
        }
    }

    private static bool IsSchema(JsonElement value) => value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False;

    private static bool IsUniqueStringArray(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
        && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
        && value.EnumerateArray().Select(v => v.GetString()).Distinct(StringComparer.Ordinal).Count() == value.GetArrayLength();

    private static bool IsNonNegativeInteger(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number >= 0 && decimal.Truncate(number) == number;

    public static InvalidSchemaException Invalid(SchemaDocument document, string pointer, string keyword, string problem, JsonElement found) =>
        new($"Invalid JSON Schema at {document.Describe(JsonPointer.Append(pointer, keyword))}: \"{keyword}\" {problem}, found {Describe(found)}");

    /// <summary>A value as an error message shows it: its JSON type and (shortened) text.</summary>
    public static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        if (text.Length > 60)
        {
            text = text[..57] + "...";
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => $"object {text}",
            JsonValueKind.Array => $"array {text}",
            JsonValueKind.String => $"string {text}",
            JsonValueKind.Number => $"number {text}",
            _ => text,
        };
    }
}
