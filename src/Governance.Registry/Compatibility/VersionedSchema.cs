using Governance.Schemas;

namespace Governance.Registry.Compatibility;

/// <summary>A live version of a subject, parsed, as the compatibility check compares against it.</summary>
public sealed record VersionedSchema(int Version, ParsedSchema Schema);
