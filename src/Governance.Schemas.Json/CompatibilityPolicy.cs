namespace Governance.Schemas.Json;

/// <summary>Confluent's <c>compatibilityPolicy</c> for JSON Schema: which differences count as compatible.</summary>
public enum CompatibilityPolicy
{
    /// <summary>The default: a property added to an open content model breaks, since old data may already use its name.</summary>
    Strict,

    /// <summary>Tolerates the changes the robustness principle allows (see <c>CompatibleChanges.Lenient</c>).</summary>
    Lenient,
}
