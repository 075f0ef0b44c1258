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

    /// <summary>
    /// What tells this schema apart among the subschemas of a <see cref="CombinedSchema"/>: a branch of
    /// <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> holds its compact JSON (two branches with the same text count once), a part
    /// of one schema object its kind and place. Empty for schemas that are never such a subschema.
    /// </summary>
    public string SourceText { get; set; } = string.Empty;

    public bool HasDefaultValue => DefaultValue is not null;
}
