using System.Text.Json;
using Governance.Registry;

namespace Governance.Api.Http;

/// <summary>
/// Confluent's entity bodies (<c>client/.../rest/entities/</c>) as written here. As in Confluent, <c>schemaType</c> is
/// left out for AVRO, and empty references, metadata and rule sets are left out.
/// </summary>
public static class RegistryJson
{
    public const string AvroType = "AVRO";

    /// <summary>Confluent's <c>Schema</c>: a subject's version with the schema it holds.</summary>
    public static void WriteSubjectVersion(Utf8JsonWriter writer, SubjectVersion version, string? schemaText = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(version);
        writer.WriteStartObject();
        writer.WriteString("subject", version.Subject);
        writer.WriteNumber("version", version.Version);
        writer.WriteNumber("id", version.Schema.Id);
        WriteSchemaFields(writer, version.Schema, schemaText);
        if (version.Deleted)
        {
            writer.WriteBoolean("deleted", true);
        }

        writer.WriteEndObject();
    }

    /// <summary>Confluent's <c>SchemaString</c>: what <c>GET /schemas/ids/{id}</c> answers.</summary>
    public static void WriteSchemaString(Utf8JsonWriter writer, RegisteredSchema schema, string? schemaText = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteSchemaFields(writer, schema, schemaText);
        writer.WriteEndObject();
    }

    /// <summary>Confluent's <c>RegisterSchemaResponse</c>: the id, and the registered version with its schema.</summary>
    public static void WriteRegistered(Utf8JsonWriter writer, SubjectVersion version)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(version);
        writer.WriteStartObject();
        writer.WriteNumber("id", version.Schema.Id);
        writer.WriteNumber("version", version.Version);
        WriteSchemaFields(writer, version.Schema, null);
        writer.WriteEndObject();
    }

    private static void WriteSchemaFields(Utf8JsonWriter writer, RegisteredSchema schema, string? schemaText)
    {
        if (!string.Equals(schema.SchemaType, AvroType, StringComparison.OrdinalIgnoreCase))
        {
            writer.WriteString("schemaType", schema.SchemaType);
        }

        writer.WriteString("schema", schemaText ?? schema.Schema);
        if (schema.References.Count > 0)
        {
            writer.WriteStartArray("references");
            foreach (var reference in schema.References)
            {
                writer.WriteStartObject();
                writer.WriteString("name", reference.Name);
                writer.WriteString("subject", reference.Subject);
                writer.WriteNumber("version", reference.Version);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (schema.MetadataJson is not null)
        {
            writer.WritePropertyName("metadata");
            writer.WriteRawValue(schema.MetadataJson, skipInputValidation: true);
        }

        if (schema.RuleSetJson is not null)
        {
            writer.WritePropertyName("ruleSet");
            writer.WriteRawValue(schema.RuleSetJson, skipInputValidation: true);
        }
    }
}
