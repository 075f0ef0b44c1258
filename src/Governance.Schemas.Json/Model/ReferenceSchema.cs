namespace Governance.Schemas.Json.Model;

/// <summary>
/// <c>$ref</c>. The target is set once the whole schema is loaded, so recursive schemas are finite graphs: a reference
/// back to an enclosing schema points at that very node.
/// </summary>
internal sealed class ReferenceSchema : SchemaNode
{
    public required string Reference { get; init; }

    public SchemaNode? Referred { get; set; }
}
