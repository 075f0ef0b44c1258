namespace Governance.Storage.Entities;

/// <summary>Table <c>modes</c>: the mode of a subject, or the global one (empty subject).</summary>
public sealed class ModeRow
{
    public string Context { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    /// <summary>The mode's wire name (<c>READWRITE</c>, <c>READONLY</c>, <c>READONLY_OVERRIDE</c>, <c>IMPORT</c>).</summary>
    public string Mode { get; set; } = string.Empty;
}
