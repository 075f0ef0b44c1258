using Governance.Schemas;

namespace Governance.Registry;

/// <summary>Every difference between two versions of a subject, for the governance API's semantic diff.</summary>
public sealed record SchemaDiff(string Subject, int FromVersion, int ToVersion, string SchemaType, IReadOnlyList<SchemaChange> Changes);
