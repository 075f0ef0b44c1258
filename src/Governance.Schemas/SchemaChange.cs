namespace Governance.Schemas;

/// <summary>
/// One difference between two versions of a schema, for the semantic diff.
/// </summary>
/// <param name="Kind">What changed, in the format's words, e.g. <c>FIELD_ADDED</c>, <c>ENUM_SYMBOL_REMOVED</c>, <c>TYPE_NARROWED</c>.</param>
/// <param name="Path">Where, as in <see cref="CompatibilityIssue.Path"/>.</param>
/// <param name="Description">A sentence for people.</param>
/// <param name="BreaksBackward">True when the new schema can no longer read data written with the old one because of this change.</param>
/// <param name="BreaksForward">True when the old schema can no longer read data written with the new one because of this change.</param>
public sealed record SchemaChange(string Kind, string Path, string Description, bool BreaksBackward, bool BreaksForward);
