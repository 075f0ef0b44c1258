namespace Governance.Schemas.Json.Model;

/// <summary><c>const</c>: the one permitted value, as compact JSON.</summary>
internal sealed class ConstSchema : SchemaNode
{
    public required string PermittedValue { get; init; }
}
