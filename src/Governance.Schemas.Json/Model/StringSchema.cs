namespace Governance.Schemas.Json.Model;

/// <summary><c>"type": "string"</c>, or string keywords (<c>minLength</c>, <c>maxLength</c>, <c>pattern</c>, <c>format</c>) without a type.</summary>
internal sealed class StringSchema : SchemaNode
{
    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public string? Pattern { get; init; }
}
