namespace Governance.Registry;

/// <summary>
/// A compatibility configuration, global or for one subject: Confluent's <c>Config</c>. Fields left null are not set at
/// this level (a subject's GET with <c>defaultToGlobal</c> fills them from the global level).
/// </summary>
public sealed record RegistryConfig(
    CompatibilityLevel? Compatibility,
    bool? Normalize = null,
    string? CompatibilityGroup = null,
    bool? ValidateFields = null,
    string? Alias = null);
