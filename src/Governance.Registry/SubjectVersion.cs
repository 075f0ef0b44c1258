namespace Governance.Registry;

/// <summary>One version of a subject and the schema it holds.</summary>
public sealed record SubjectVersion(string Subject, int Version, RegisteredSchema Schema, bool Deleted);
