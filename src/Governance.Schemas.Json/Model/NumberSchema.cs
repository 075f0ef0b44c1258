namespace Governance.Schemas.Json.Model;

/// <summary><c>"type": "number"</c> or <c>"integer"</c>, or numeric keywords without a type.</summary>
internal sealed class NumberSchema : SchemaNode
{
    public bool RequiresInteger { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    /// <summary>The numeric <c>exclusiveMinimum</c> of draft 6 and later (draft 4's boolean form only qualifies <c>minimum</c>).</summary>
    public decimal? ExclusiveMinimumLimit { get; init; }

    public decimal? ExclusiveMaximumLimit { get; init; }

    public decimal? MultipleOf { get; init; }
}
