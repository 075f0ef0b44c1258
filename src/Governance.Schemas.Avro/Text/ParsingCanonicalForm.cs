using System.Text;
using Governance.Schemas.Avro.Model;
using Governance.Schemas.Text;

namespace Governance.Schemas.Avro.Text;

/// <summary>
/// The Parsing Canonical Form (Avro 1.12 specification, "Parsing Canonical Form for Schemas"): primitives as plain names
/// [PRIMITIVES]; full names, no namespace attributes [FULLNAMES]; only type, name, fields, symbols, items, values and size
/// [STRIP], in that order [ORDER]; strings unescaped [STRINGS]; integers bare [INTEGERS]; no whitespace [WHITESPACE].
/// A named type is written in full at its first occurrence, by full name afterwards (as Java's <c>SchemaNormalization</c>).
/// </summary>
internal static class ParsingCanonicalForm
{
    public static string Write(AvroType schema)
    {
        var output = new StringBuilder();
        Write(output, schema, new HashSet<string>(StringComparer.Ordinal));
        return output.ToString();
    }

    private static void Write(StringBuilder output, AvroType type, HashSet<string> written)
    {
        switch (type)
        {
            case AvroNamedType named when !written.Add(named.FullName):
                output.Append('"').Append(named.FullName).Append('"');
                break;
            case AvroNamedType named:
                output.Append("{\"name\":\"").Append(named.FullName).Append("\",\"type\":\"").Append(named.Kind.SchemaName()).Append('"');
                switch (named)
                {
                    case AvroRecordType record:
                        output.Append(",\"fields\":");
                        JacksonJsonWriter.WriteArray(output, record.Fields, field =>
                        {
                            output.Append("{\"name\":\"").Append(field.Name).Append("\",\"type\":");
                            Write(output, field.Type, written);
                            output.Append('}');
                        });
                        break;
                    case AvroEnumType enumType:
                        output.Append(",\"symbols\":[").AppendJoin(',', enumType.Symbols.Select(s => "\"" + s + "\"")).Append(']');
                        break;
                    case AvroFixedType fixedType:
                        output.Append(",\"size\":").Append(fixedType.Size);
                        break;
                }

                output.Append('}');
                break;
            case AvroArrayType array:
                output.Append("{\"type\":\"array\",\"items\":");
                Write(output, array.Items, written);
                output.Append('}');
                break;
            case AvroMapType map:
                output.Append("{\"type\":\"map\",\"values\":");
                Write(output, map.Values, written);
                output.Append('}');
                break;
            case AvroUnionType union:
                JacksonJsonWriter.WriteArray(output, union.Branches, branch => Write(output, branch, written));
                break;
            default:
                output.Append('"').Append(type.Kind.SchemaName()).Append('"');
                break;
        }
    }
}
