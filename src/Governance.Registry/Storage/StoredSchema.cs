namespace Governance.Registry.Storage;

/// <summary>A schema as the store keeps it under its global id; immutable once inserted.</summary>
/// <param name="IdentityHash">See <see cref="SchemaIdentity"/>: equal for schemas that must share an id.</param>
public sealed record StoredSchema(
    int Id,
    string SchemaType,
    string SchemaText,
    string IdentityHash,
    IReadOnlyList<SchemaReference> References,
    string? MetadataJson,
    string? RuleSetJson)
{
    public RegisteredSchema ToRegisteredSchema() => new(Id, SchemaType, SchemaText, References, MetadataJson, RuleSetJson);
}
