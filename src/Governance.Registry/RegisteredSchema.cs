namespace Governance.Registry;

/// <summary>A schema as stored under its global id: the same whichever subjects it is registered under.</summary>
/// <param name="Schema">The canonical text (see <see cref="Governance.Schemas.ParsedSchema.CanonicalText"/>).</param>
public sealed record RegisteredSchema(
    int Id,
    string SchemaType,
    string Schema,
    IReadOnlyList<SchemaReference> References,
    string? MetadataJson,
    string? RuleSetJson);
