namespace Governance.Schemas.Json.Model;

/// <summary><c>if</c>/<c>then</c>/<c>else</c> (draft 7 and later). Confluent's checker compares only its annotations.</summary>
internal sealed class ConditionalSchema : SchemaNode
{
    public SchemaNode? If { get; init; }

    public SchemaNode? Then { get; init; }

    public SchemaNode? Else { get; init; }
}
