namespace Governance.Storage.Entities;

/// <summary>Table <c>schema_references</c>: one reference of a schema to a subject version, in the order given.</summary>
public sealed class SchemaReferenceRow
{
    public string Context { get; set; } = string.Empty;

    public int SchemaId { get; set; }

    /// <summary>The reference's place in the schema's list, from 0.</summary>
    public int Position { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public int Version { get; set; }
}
