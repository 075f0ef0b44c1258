namespace Governance.Schemas.Json.Model;

/// <summary><c>"type": "array"</c>, or array keywords without a type.</summary>
internal sealed class ArraySchema : SchemaNode
{
    /// <summary><c>items</c> given as one schema for every item.</summary>
    public SchemaNode? AllItemSchema { get; init; }

    /// <summary>The positional item schemas: <c>items</c> as an array, or 2020-12's <c>prefixItems</c>.</summary>
    public IReadOnlyList<SchemaNode> ItemSchemas { get; init; } = [];

    /// <summary>False when the items after the positional ones are forbidden (<c>additionalItems</c>, or 2020-12's <c>items</c>, is <c>false</c>).</summary>
    public bool PermitsAdditionalItems { get; init; } = true;

    /// <summary>The schema of the items after the positional ones, or null when absent or a boolean.</summary>
    public SchemaNode? SchemaOfAdditionalItems { get; init; }

    /// <summary><c>unevaluatedItems</c> (2019-09 and later): null when absent; <c>true</c>/<c>false</c> as their schemas.</summary>
    public SchemaNode? UnevaluatedItems { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public bool NeedsUniqueItems { get; init; }

    /// <summary><c>minContains</c>, compared whatever the draft, as Confluent reads it from the keywords it does not model.</summary>
    public int? MinContains { get; init; }

    public int? MaxContains { get; init; }
}
