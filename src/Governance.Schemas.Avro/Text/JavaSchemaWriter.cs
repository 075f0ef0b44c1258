using System.Text;
using Governance.Schemas.Avro.Json;
using Governance.Schemas.Avro.Model;
using Governance.Schemas.Text;

namespace Governance.Schemas.Avro.Text;

/// <summary>
/// Renders a schema as Java Avro's <c>Schema.toString()</c> does (its <c>toJson</c> methods), which is the text Confluent
/// Schema Registry stores: compact JSON; attributes in Java's order (records: type, name, namespace, doc, fields,
/// properties, aliases; fields: name, type, doc, default, order, aliases, properties; enums: type, name, namespace, doc,
/// symbols, default, properties, aliases; fixed: type, name, namespace, doc, size, properties, aliases); a namespace only
/// where it differs from the enclosing one; each named type in full once, then by name.
/// </summary>
internal static class JavaSchemaWriter
{
    /// <param name="knownNames">Full names written by name only, e.g. the roots of referenced schemas.</param>
    public static string Write(AvroType schema, IEnumerable<string> knownNames)
    {
        var output = new StringBuilder();
        Write(output, schema, new HashSet<string>(knownNames, StringComparer.Ordinal), null);
        return output.ToString();
    }

    private static void Write(StringBuilder output, AvroType type, HashSet<string> knownNames, string? space)
    {
        switch (type)
        {
            case AvroNamedType named when !knownNames.Add(named.FullName):
                JacksonJsonWriter.WriteString(output, named.Name.QualifiedFrom(space));
                break;
            case AvroRecordType record:
                StartNamed(output, record.IsError ? "error" : "record", record, space);
                output.Append(",\"fields\":");
                JacksonJsonWriter.WriteArray(output, record.Fields, field => WriteField(output, field, knownNames, record.Name.Namespace));
                EndNamed(output, record);
                break;
            case AvroEnumType enumType:
                StartNamed(output, "enum", enumType, space);
                output.Append(",\"symbols\":");
                JacksonJsonWriter.WriteArray(output, enumType.Symbols, symbol => JacksonJsonWriter.WriteString(output, symbol));
                if (enumType.Default is not null)
                {
                    output.Append(",\"default\":");
                    JacksonJsonWriter.WriteString(output, enumType.Default);
                }

                EndNamed(output, enumType);
                break;
            case AvroFixedType fixedType:
                StartNamed(output, "fixed", fixedType, space);
                output.Append(",\"size\":").Append(fixedType.Size);
                EndNamed(output, fixedType);
                break;
            case AvroArrayType array:
                output.Append("{\"type\":\"array\",\"items\":");
                Write(output, array.Items, knownNames, space);
                WriteProperties(output, array.Properties);
                output.Append('}');
                break;
            case AvroMapType map:
                output.Append("{\"type\":\"map\",\"values\":");
                Write(output, map.Values, knownNames, space);
                WriteProperties(output, map.Properties);
                output.Append('}');
                break;
            case AvroUnionType union:
                JacksonJsonWriter.WriteArray(output, union.Branches, branch => Write(output, branch, knownNames, space));
                break;
            default:
                if (type.Properties.Count == 0)
                {
                    JacksonJsonWriter.WriteString(output, type.Kind.SchemaName());
                }
                else
                {
                    output.Append("{\"type\":");
                    JacksonJsonWriter.WriteString(output, type.Kind.SchemaName());
                    WriteProperties(output, type.Properties);
                    output.Append('}');
                }

                break;
        }
    }

    private static void StartNamed(StringBuilder output, string typeName, AvroNamedType named, string? space)
    {
        output.Append("{\"type\":\"").Append(typeName).Append("\",\"name\":");
        JacksonJsonWriter.WriteString(output, named.Name.Name);
        if (named.Name.Namespace != space)
        {
            output.Append(",\"namespace\":");
            JacksonJsonWriter.WriteString(output, named.Name.Namespace ?? "");
        }

        if (named.Doc is not null)
        {
            output.Append(",\"doc\":");
            JacksonJsonWriter.WriteString(output, named.Doc);
        }
    }

    private static void EndNamed(StringBuilder output, AvroNamedType named)
    {
        WriteProperties(output, named.Properties);
        if (named.Aliases.Count > 0)
        {
            output.Append(",\"aliases\":");
            JacksonJsonWriter.WriteArray(output, named.Aliases, alias => JacksonJsonWriter.WriteString(output, alias.QualifiedFrom(named.Name.Namespace)));
        }

        output.Append('}');
    }

    private static void WriteField(StringBuilder output, AvroField field, HashSet<string> knownNames, string? space)
    {
        output.Append("{\"name\":");
        JacksonJsonWriter.WriteString(output, field.Name);
        output.Append(",\"type\":");
        Write(output, field.Type, knownNames, space);
        if (field.Doc is not null)
        {
            output.Append(",\"doc\":");
            JacksonJsonWriter.WriteString(output, field.Doc);
        }

        if (field.Default is { } defaultValue)
        {
            output.Append(",\"default\":");
            JacksonJson.WriteValue(output, defaultValue);
        }

        if (field.Order != AvroFieldOrder.Ascending)
        {
            output.Append(",\"order\":\"").Append(field.Order.ToString().ToLowerInvariant()).Append('"');
        }

        if (field.Aliases.Count > 0)
        {
            output.Append(",\"aliases\":");
            JacksonJsonWriter.WriteArray(output, field.Aliases, alias => JacksonJsonWriter.WriteString(output, alias));
        }

        WriteProperties(output, field.Properties);
        output.Append('}');
    }

    private static void WriteProperties(StringBuilder output, IReadOnlyList<AvroProperty> properties)
    {
        foreach (var property in properties)
        {
            output.Append(',');
            JacksonJsonWriter.WriteString(output, property.Name);
            output.Append(':');
            JacksonJson.WriteValue(output, property.Value);
        }
    }
}
