namespace Governance.Registry;

/// <summary>A reference from a schema to a schema registered under <paramref name="Subject"/> at <paramref name="Version"/>.</summary>
/// <param name="Name">How the referring schema names it: an Avro full name, a <c>.proto</c> import path, a JSON Schema <c>$ref</c>.</param>
public sealed record SchemaReference(string Name, string Subject, int Version);
