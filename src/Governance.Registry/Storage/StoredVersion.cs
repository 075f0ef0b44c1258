namespace Governance.Registry.Storage;

/// <summary>One version of a subject as the store keeps it.</summary>
public sealed record StoredVersion(string Subject, int Version, int SchemaId, bool Deleted);
