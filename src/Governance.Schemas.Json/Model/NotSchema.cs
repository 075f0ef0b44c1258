namespace Governance.Schemas.Json.Model;

/// <summary><c>not</c>.</summary>
internal sealed class NotSchema : SchemaNode
{
    public required SchemaNode MustNotMatch { get; init; }
}
