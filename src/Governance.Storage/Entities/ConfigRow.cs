namespace Governance.Storage.Entities;

/// <summary>Table <c>configs</c>: the compatibility configuration of a subject, or the global one (empty subject).</summary>
public sealed class ConfigRow
{
    public string Context { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    /// <summary>A level's wire name (<c>BACKWARD</c>...), or null when this level does not set one.</summary>
    public string? Compatibility { get; set; }

    public bool? Normalize { get; set; }

    public string? CompatibilityGroup { get; set; }

    public bool? ValidateFields { get; set; }

    public string? Alias { get; set; }
}
