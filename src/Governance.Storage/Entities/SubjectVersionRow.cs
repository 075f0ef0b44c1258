namespace Governance.Storage.Entities;

/// <summary>Table <c>subject_versions</c>: version <see cref="Version"/> of a subject holds schema <see cref="SchemaId"/>.</summary>
public sealed class SubjectVersionRow
{
    public string Context { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public int Version { get; set; }

    public int SchemaId { get; set; }

    /// <summary>Soft-deleted; a permanent delete removes the row.</summary>
    public bool Deleted { get; set; }
}
