using System.Text.RegularExpressions;

namespace Governance.Schemas.Json.Model;

/// <summary><c>"type": "object"</c>, or object keywords (<c>properties</c>, <c>required</c>...) without a type.</summary>
internal sealed class ObjectSchema : SchemaNode
{
    /// <summary>The <c>properties</c>, in the order the schema lists them.</summary>
    public IReadOnlyDictionary<string, SchemaNode> Properties { get; init; } = new Dictionary<string, SchemaNode>();

    public IReadOnlySet<string> RequiredProperties { get; init; } = new HashSet<string>();

    /// <summary>False when <c>additionalProperties</c> is <c>false</c>.</summary>
    public bool PermitsAdditionalProperties { get; init; } = true;

    /// <summary>The schema given as <c>additionalProperties</c>, or null when it is absent or a boolean.</summary>
    public SchemaNode? SchemaOfAdditionalProperties { get; init; }

    public IReadOnlyList<PatternProperty> PatternProperties { get; init; } = [];

    /// <summary><c>unevaluatedProperties</c> (2019-09 and later): null when absent; <c>true</c>/<c>false</c> as their schemas.</summary>
    public SchemaNode? UnevaluatedProperties { get; init; }

    /// <summary><c>dependencies</c> with a property list (and 2019-09's <c>dependentRequired</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> PropertyDependencies { get; init; } =
        new Dictionary<string, IReadOnlySet<string>>();

    /// <summary><c>dependencies</c> with a schema (and 2019-09's <c>dependentSchemas</c>).</summary>
    public IReadOnlyDictionary<string, SchemaNode> SchemaDependencies { get; init; } = new Dictionary<string, SchemaNode>();

    public int? MinProperties { get; init; }

    public int? MaxProperties { get; init; }
}

/// <summary>One entry of <c>patternProperties</c>.</summary>
internal sealed record PatternProperty(Regex Pattern, SchemaNode Schema);
