namespace Governance.Registry;

/// <summary>Settings of the registry core (configuration section <c>Governance:Registry</c>).</summary>
public sealed class RegistryOptions
{
    /// <summary>The largest schema text accepted, in characters; larger ones fail with 42209.</summary>
    public int MaxSchemaLength { get; set; } = 1024 * 1024;

    /// <summary>The compatibility level when neither the subject nor the global level sets one (Confluent's <c>schema.compatibility.level</c>).</summary>
    public CompatibilityLevel DefaultCompatibility { get; set; } = CompatibilityLevel.Backward;

    /// <summary>
    /// How long <c>GET /schemas/ids/{id}</c> answers from memory after the database last showed a version holding the id.
    /// Another instance's permanent delete of the id's last version shows here after at most this long; zero always asks
    /// the database.
    /// </summary>
    public TimeSpan IdLookupCacheDuration { get; set; } = TimeSpan.FromSeconds(1);
}
