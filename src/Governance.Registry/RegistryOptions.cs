namespace Governance.Registry;

/// <summary>Settings of the registry core (configuration section <c>Governance:Registry</c>).</summary>
public sealed class RegistryOptions
{
    /// <summary>The largest schema text accepted, in characters; larger ones fail with 42209.</summary>
    public int MaxSchemaLength { get; set; } = 1024 * 1024;

    /// <summary>The compatibility level when neither the subject nor the global level sets one (Confluent's <c>schema.compatibility.level</c>).</summary>
    public CompatibilityLevel DefaultCompatibility { get; set; } = CompatibilityLevel.Backward;
}
