namespace Governance.Schemas.Json.Model;

/// <summary>The boolean schema <c>false</c>: accepts no value.</summary>
internal sealed class FalseSchema : SchemaNode;
