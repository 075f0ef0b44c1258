using System.Globalization;
using System.Text;
using System.Text.Json;
using Governance.Schemas.Avro.Json;
using Governance.Schemas.Avro.Model;
using Governance.Schemas.Text;

namespace Governance.Schemas.Avro.Text;

/// <summary>
/// Confluent's <c>normalize=true</c> for Avro (<c>AvroSchemaUtils.toNormalizedString</c> in confluentinc/schema-registry,
/// adapted from Java Avro's <c>SchemaNormalization</c>): named types by full name and written in full once; attributes in a
/// fixed order (name, type, then symbols / size and logical type / fields, then doc, sorted aliases, enum default, then
/// custom properties sorted by name); fields as name, type, order, doc, sorted aliases, default (converted to the field's
/// type, as Java's <c>JacksonUtils.toObject</c> does), sorted properties; primitives with a valid logical type as objects
/// with <c>logicalType</c> (and decimal <c>precision</c>, and <c>scale</c> when not 0) first.
/// The result is parsed again, so its stored text is Java's rendering of this normal form.
/// </summary>
internal static class ConfluentNormalizer
{
    /// <param name="referencedNames">Full names defined by referenced schemas, written by name only.</param>
    public static string Write(AvroType schema, IEnumerable<string> referencedNames)
    {
        var output = new StringBuilder();
        Write(output, schema, new HashSet<string>(referencedNames, StringComparer.Ordinal));
        return output.ToString();
    }

    private static void Write(StringBuilder output, AvroType type, HashSet<string> written)
    {
        switch (type)
        {
            case AvroUnionType union:
                JacksonJsonWriter.WriteArray(output, union.Branches, branch => Write(output, branch, written));
                break;
            case AvroArrayType array:
                output.Append("{\"type\":\"array\",\"items\":");
                Write(output, array.Items, written);
                WriteSortedProperties(output, array.Properties);
                output.Append('}');
                break;
            case AvroMapType map:
                output.Append("{\"type\":\"map\",\"values\":");
                Write(output, map.Values, written);
                WriteSortedProperties(output, map.Properties);
                output.Append('}');
                break;
            case AvroNamedType named when !written.Add(named.FullName):
                JacksonJsonWriter.WriteString(output, named.FullName);
                break;
            case AvroNamedType named:
                WriteNamed(output, named, written);
                break;
            default:
                if (type.LogicalType is not null || type.Properties.Count > 0)
                {
                    output.Append("{\"type\":\"").Append(type.Kind.SchemaName()).Append('"');
                    WriteLogicalType(output, type.LogicalType);
                    WriteSortedProperties(output, type.Properties);
                    output.Append('}');
                }
                else
                {
                    output.Append('"').Append(type.Kind.SchemaName()).Append('"');
                }

                break;
        }
    }

    private static void WriteNamed(StringBuilder output, AvroNamedType named, HashSet<string> written)
    {
        output.Append("{\"name\":");
        JacksonJsonWriter.WriteString(output, named.FullName);
        output.Append(",\"type\":\"").Append(named.Kind.SchemaName()).Append('"');
        switch (named)
        {
            case AvroEnumType enumType:
                output.Append(",\"symbols\":");
                JacksonJsonWriter.WriteArray(output, enumType.Symbols, symbol => JacksonJsonWriter.WriteString(output, symbol));
                break;
            case AvroFixedType fixedType:
                output.Append(",\"size\":").Append(fixedType.Size);
                WriteLogicalType(output, fixedType.LogicalType);
                break;
            case AvroRecordType record:
                output.Append(",\"fields\":");
                JacksonJsonWriter.WriteArray(output, record.Fields, field => WriteField(output, field, written));
                break;
        }

        if (!string.IsNullOrEmpty(named.Doc))
        {
            output.Append(",\"doc\":");
            JacksonJsonWriter.WriteString(output, named.Doc);
        }

        WriteSortedStrings(output, "aliases", named.AliasFullNames);
        if (named is AvroEnumType { Default: { } defaultSymbol })
        {
            output.Append(",\"default\":");
            JacksonJsonWriter.WriteString(output, defaultSymbol);
        }

        WriteSortedProperties(output, named.Properties);
        output.Append('}');
    }

    private static void WriteField(StringBuilder output, AvroField field, HashSet<string> written)
    {
        output.Append("{\"name\":");
        JacksonJsonWriter.WriteString(output, field.Name);
        output.Append(",\"type\":");
        Write(output, field.Type, written);

        // Confluent writes the order's Java enum name, e.g. "ASCENDING"; parsing reads it case-insensitively.
        output.Append(",\"order\":\"").Append(field.Order.ToString().ToUpperInvariant()).Append('"');
        if (field.Doc is not null)
        {
            output.Append(",\"doc\":");
            JacksonJsonWriter.WriteString(output, field.Doc);
        }

        WriteSortedStrings(output, "aliases", field.Aliases);
        if (field.Default is { } defaultValue && DefaultAsTyped(defaultValue, field.Type) is { } typedDefault)
        {
            output.Append(",\"default\":").Append(typedDefault);
        }

        WriteSortedProperties(output, field.Properties);
        output.Append('}');
    }

    private static void WriteLogicalType(StringBuilder output, AvroLogicalType? logicalType)
    {
        if (logicalType is null)
        {
            return;
        }

        output.Append(",\"logicalType\":");
        JacksonJsonWriter.WriteString(output, logicalType.Name);
        if (logicalType.Name == AvroLogicalType.Decimal)
        {
            output.Append(",\"precision\":").Append(logicalType.Precision);
            if (logicalType.Scale != 0)
            {
                output.Append(",\"scale\":").Append(logicalType.Scale);
            }
        }
    }

    private static void WriteSortedStrings(StringBuilder output, string attribute, IEnumerable<string> values)
    {
        var sorted = values.Distinct().Order(StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return;
        }

        output.Append(",\"").Append(attribute).Append("\":");
        JacksonJsonWriter.WriteArray(output, sorted, value => JacksonJsonWriter.WriteString(output, value));
    }

    private static void WriteSortedProperties(StringBuilder output, IReadOnlyList<AvroProperty> properties)
    {
        foreach (var property in properties.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            output.Append(',');
            JacksonJsonWriter.WriteString(output, property.Name);
            output.Append(':');
            JacksonJson.WriteValue(output, property.Value);
        }
    }

    /// <summary>
    /// A default as Java's <c>JacksonUtils.toObject(value, schema)</c> converts it and Jackson writes it back: a union's
    /// default is read as its first branch; numbers widen or narrow to the field's type (an int default of a double field
    /// becomes <c>1.0</c>); a value that does not convert gives null, and Confluent then omits the default.
    /// </summary>
    private static string? DefaultAsTyped(JsonElement value, AvroType? type)
    {
        if (type is AvroUnionType union)
        {
            return DefaultAsTyped(value, union.Branches.Count > 0 ? union.Branches[0] : null);
        }

        var kind = type?.Kind;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return "null";
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number when JacksonJsonWriter.IsIntegral(value):
                if (!value.TryGetInt64(out var integer))
                {
                    return null;
                }

                return kind switch
                {
                    null or AvroTypeKind.Int or AvroTypeKind.Long => integer.ToString(CultureInfo.InvariantCulture),
                    AvroTypeKind.Float => JacksonJson.FormatFloat(integer),
                    AvroTypeKind.Double => JacksonJson.FormatDouble(integer),
                    _ => null,
                };
            case JsonValueKind.Number:
                var number = value.GetDouble();
                return kind switch
                {
                    null or AvroTypeKind.Double => JacksonJson.FormatDouble(number),
                    AvroTypeKind.Float => JacksonJson.FormatFloat((float)number),
                    _ => null,
                };
            case JsonValueKind.String:
                var text = value.GetString()!;
                return kind switch
                {
                    null or AvroTypeKind.String or AvroTypeKind.Enum => JacksonJson.ToJson(value),
                    AvroTypeKind.Bytes or AvroTypeKind.Fixed => Latin1RoundTrip(text),
                    _ => null,
                };
            case JsonValueKind.Array:
                var items = (type as AvroArrayType)?.Items;
                return "[" + string.Join(",", value.EnumerateArray().Select(item => DefaultAsTyped(item, items) ?? "null")) + "]";
            case JsonValueKind.Object:
                var members = JacksonJsonWriter.DistinctProperties(value).Select(member =>
                {
                    var memberType = type switch
                    {
                        AvroMapType map => map.Values,
                        AvroRecordType record => record.FindField(member.Name)?.Type,
                        _ => null,
                    };
                    var name = new StringBuilder();
                    JacksonJsonWriter.WriteString(name, member.Name);
                    return name + ":" + (DefaultAsTyped(member.Value, memberType) ?? "null");
                });
                return "{" + string.Join(",", members) + "}";
            default:
                return null;
        }
    }

    /// <summary>Bytes defaults go through ISO-8859-1 both ways; characters beyond it become '?', as in Java.</summary>
    private static string Latin1RoundTrip(string text)
    {
        var output = new StringBuilder();
        JacksonJsonWriter.WriteString(output, new string([.. text.Select(c => c > '\u00ff' ? '?' : c)]));
        return output.ToString();
    }
}
