namespace Governance.Schemas.Json.Model;

/// <summary><c>enum</c>: the permitted values, each as compact JSON.</summary>
internal sealed class EnumSchema : SchemaNode
{
    public IReadOnlySet<string> PossibleValues { get; init; } = new HashSet<string>();
}
