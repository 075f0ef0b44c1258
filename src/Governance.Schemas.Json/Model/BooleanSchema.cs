namespace Governance.Schemas.Json.Model;

/// <summary><c>"type": "boolean"</c>.</summary>
internal sealed class BooleanSchema : SchemaNode;
