namespace Governance.Schemas.Json.Model;

/// <summary>
/// <c>allOf</c>, <c>anyOf</c> or <c>oneOf</c>. Also what a <c>type</c> array becomes (anyOf of one schema per type) and what
/// a schema with several kinds of keywords becomes (a synthetic allOf).
/// </summary>
internal sealed class CombinedSchema : SchemaNode
{
    public required CombinationCriterion Criterion { get; init; }

    public required IReadOnlyList<SchemaNode> Subschemas { get; init; }
}

/// <summary>How a <see cref="CombinedSchema"/> combines its subschemas; the names are the keywords.</summary>
internal enum CombinationCriterion
{
    AllOf,
    AnyOf,
    OneOf,
}
