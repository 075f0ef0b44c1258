namespace Governance.Schemas.Json.Model;

/// <summary>A schema without constraints (<c>{}</c> or only annotations): accepts every value.</summary>
internal class EmptySchema : SchemaNode;
