namespace Governance.Schemas.Json.Model;

/// <summary>
/// One loaded JSON Schema (or subschema), typed by what it constrains, the way the everit loader behind Confluent's
/// checker types it: a schema with <c>"type": "string"</c> is a <see cref="StringSchema"/>, a schema with several kinds of
/// keywords is a synthetic <see cref="CombinedSchema"/> (allOf) of one node per kind.
/// </summary>
internal abstract class SchemaNode
{
    /// <summary>The <c>$id</c> (<c>id</c> in draft 4); null for drafts 2019-09 and 2020-12, where Confluent does not compare it.</summary>
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The <c>default</c> value as compact JSON, or null when the schema has none.</summary>
    public string? DefaultValue { get; set; }

    /// <summary>The Kafka Connect <c>connect.type</c> annotation, when present.</summary>
    public string? ConnectType { get; set; }

    /// <summary>The schema's own JSON, compact: two subschemas with the same text are the same subschema.</summary>
    public string SourceText { get; set; } = "{}";

    public bool HasDefaultValue => DefaultValue is not null;
}
