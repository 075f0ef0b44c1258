namespace Governance.Schemas.Json.Model;

/// <summary><c>"type": "null"</c>.</summary>
internal sealed class NullSchema : SchemaNode;
