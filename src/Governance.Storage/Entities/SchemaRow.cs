namespace Governance.Storage.Entities;

/// <summary>Table <c>schemas</c>: one schema under its global id. Never updated once inserted.</summary>
public sealed class SchemaRow
{
    /// <summary>The Confluent context; empty for the default context (the only one used so far).</summary>
    public string Context { get; set; } = string.Empty;

    public int Id { get; set; }

    public string SchemaType { get; set; } = string.Empty;

    /// <summary>The canonical (or normalized) text the registry returns.</summary>
    public string SchemaText { get; set; } = string.Empty;

    /// <summary>SHA-256 of the schema's identity (Governance.Registry.SchemaIdentity), hex.</summary>
    public string IdentityHash { get; set; } = string.Empty;

    public string? MetadataJson { get; set; }

    public string? RuleSetJson { get; set; }

    public List<SchemaReferenceRow> References { get; set; } = [];
}
