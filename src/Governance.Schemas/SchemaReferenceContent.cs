namespace Governance.Schemas;

/// <summary>
/// A referenced schema, resolved: the reference's <paramref name="Name"/> (an Avro full name, a <c>.proto</c> import path,
/// a JSON Schema <c>$ref</c> URL) and the text registered under the subject and version it points to.
/// </summary>
public sealed record SchemaReferenceContent(string Name, string SchemaText);
