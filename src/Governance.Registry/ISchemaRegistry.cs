namespace Governance.Registry;

/// <summary>
/// The registry's operations, one per Confluent Schema Registry endpoint. The registry API and the console call these
/// in-process; every refusal is a <see cref="RegistryException"/> carrying Confluent's error code.
/// Subjects are plain names here (Confluent contexts are not supported yet).
/// </summary>
public interface ISchemaRegistry
{
    // Subjects (GET /subjects, POST /subjects/{s}, DELETE /subjects/{s})

    Task<IReadOnlyList<string>> ListSubjectsAsync(string? subjectPrefix, bool deleted, bool deletedOnly, CancellationToken cancellationToken);

    /// <summary>Finds the version of <paramref name="subject"/> that holds this schema (404 40401 / 40403 when none).</summary>
    Task<SubjectVersion> LookUpSchemaAsync(string subject, SchemaSubmission submission, bool normalize, bool deleted, CancellationToken cancellationToken);

    /// <summary>Soft-deletes a subject, or, with <paramref name="permanent"/>, removes an already soft-deleted one. Returns the versions deleted.</summary>
    Task<IReadOnlyList<int>> DeleteSubjectAsync(string subject, bool permanent, CancellationToken cancellationToken);

    // Versions (GET|POST /subjects/{s}/versions, GET|DELETE /subjects/{s}/versions/{v}, GET .../referencedby)

    Task<IReadOnlyList<int>> ListVersionsAsync(string subject, bool deleted, bool deletedOnly, CancellationToken cancellationToken);

    /// <summary>
    /// Registers a schema under a subject in one transaction: the same schema again returns its existing version;
    /// a schema the subject's compatibility level rejects fails with 40901 and the reasons.
    /// </summary>
    Task<SubjectVersion> RegisterAsync(string subject, SchemaSubmission submission, bool normalize, CancellationToken cancellationToken);

    Task<SubjectVersion> GetVersionAsync(string subject, VersionSpec version, bool deleted, CancellationToken cancellationToken);

    /// <summary>The ids of the schemas that reference this version.</summary>
    Task<IReadOnlyList<int>> GetReferencedByAsync(string subject, VersionSpec version, CancellationToken cancellationToken);

    /// <summary>Soft-deletes a version, or, with <paramref name="permanent"/>, removes an already soft-deleted one. Returns the version number.</summary>
    Task<int> DeleteVersionAsync(string subject, VersionSpec version, bool permanent, CancellationToken cancellationToken);

    // Schemas (GET /schemas, GET /schemas/ids/{id}, .../subjects, .../versions)

    Task<IReadOnlyList<SubjectVersion>> ListSchemasAsync(string? subjectPrefix, bool deleted, bool latestOnly, CancellationToken cancellationToken);

    /// <summary>
    /// The schema with this id (40403 when none). As in Confluent, <paramref name="subject"/> only selects the context the
    /// id lives in (serializers pass it); the schema is returned whether or not that subject holds it.
    /// </summary>
    Task<RegisteredSchema> GetSchemaByIdAsync(int id, string? subject, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GetSubjectsForIdAsync(int id, string? subject, bool deleted, CancellationToken cancellationToken);

    Task<IReadOnlyList<(string Subject, int Version)>> GetVersionsForIdAsync(int id, string? subject, bool deleted, CancellationToken cancellationToken);

    // Config (GET|PUT|DELETE /config and /config/{s}); subject null means the global level.

    /// <summary>The configuration at this level; for a subject without its own, 40408 unless <paramref name="defaultToGlobal"/>.</summary>
    Task<RegistryConfig> GetConfigAsync(string? subject, bool defaultToGlobal, CancellationToken cancellationToken);

    Task<RegistryConfig> SetConfigAsync(string? subject, RegistryConfig config, CancellationToken cancellationToken);

    /// <summary>Removes the configuration at this level (the global level returns to its defaults) and returns what it was.</summary>
    Task<RegistryConfig> DeleteConfigAsync(string? subject, CancellationToken cancellationToken);

    // Mode (GET|PUT|DELETE /mode and /mode/{s}); subject null means the global level.

    Task<RegistryMode> GetModeAsync(string? subject, bool defaultToGlobal, CancellationToken cancellationToken);

    /// <summary>Sets the mode; IMPORT on a non-empty registry or subject needs <paramref name="force"/> (42205 otherwise).</summary>
    Task<RegistryMode> SetModeAsync(string? subject, RegistryMode mode, bool force, CancellationToken cancellationToken);

    Task<RegistryMode> DeleteModeAsync(string? subject, CancellationToken cancellationToken);

    // Compatibility (POST /compatibility/subjects/{s}/versions[/{v}]); version null means every live version.

    Task<CompatibilityCheckResult> TestCompatibilityAsync(string subject, VersionSpec? version, SchemaSubmission submission, bool normalize, bool verbose, CancellationToken cancellationToken);

    // Governance (GET /v1/subjects/{s}/diff)

    Task<SchemaDiff> DiffAsync(string subject, VersionSpec from, VersionSpec to, CancellationToken cancellationToken);

    /// <summary>The schema types this registry accepts (GET /schemas/types).</summary>
    IReadOnlyList<string> SchemaTypes { get; }
}
