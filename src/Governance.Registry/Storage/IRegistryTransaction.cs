namespace Governance.Registry.Storage;

/// <summary>
/// What the registry reads and writes inside one transaction. Subjects are plain names in the default context; a subject
/// of null in configs and modes means the global level.
/// </summary>
public interface IRegistryTransaction
{
    /// <summary>Every version of the subject, soft-deleted ones included, by ascending version number.</summary>
    Task<IReadOnlyList<StoredVersion>> GetVersionsAsync(string subject, CancellationToken cancellationToken);

    /// <summary>Every version of every subject whose name starts with <paramref name="subjectPrefix"/>, by subject then version.</summary>
    Task<IReadOnlyList<StoredVersion>> GetVersionsWithPrefixAsync(string subjectPrefix, CancellationToken cancellationToken);

    /// <summary>Every version, of any subject, that holds the schema with this id.</summary>
    Task<IReadOnlyList<StoredVersion>> GetVersionsOfSchemaAsync(int schemaId, CancellationToken cancellationToken);

    Task<StoredSchema?> GetSchemaAsync(int schemaId, CancellationToken cancellationToken);

    /// <summary>The schemas whose identity hash is <paramref name="identityHash"/> (normally one), by ascending id.</summary>
    Task<IReadOnlyList<StoredSchema>> FindSchemasAsync(string identityHash, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the registry-wide schema id lock until the transaction ends. Always taken after the subject's lock, never
    /// before, so that two writers cannot deadlock.
    /// </summary>
    Task LockSchemaIdsAsync(CancellationToken cancellationToken);

    /// <summary>One more than the highest schema id ever stored (1 for an empty registry). Call under <see cref="LockSchemaIdsAsync"/>.</summary>
    Task<int> NextSchemaIdAsync(CancellationToken cancellationToken);

    Task InsertSchemaAsync(StoredSchema schema, CancellationToken cancellationToken);

    Task InsertVersionAsync(StoredVersion version, CancellationToken cancellationToken);

    Task SoftDeleteVersionAsync(string subject, int version, CancellationToken cancellationToken);

    /// <summary>Removes the version for good (Confluent's permanent delete).</summary>
    Task RemoveVersionAsync(string subject, int version, CancellationToken cancellationToken);

    /// <summary>The ids of the schemas, with at least one live version, that reference this subject version.</summary>
    Task<IReadOnlyList<int>> GetReferencingSchemaIdsAsync(string subject, int version, CancellationToken cancellationToken);

    Task<RegistryConfig?> GetConfigAsync(string? subject, CancellationToken cancellationToken);

    Task SetConfigAsync(string? subject, RegistryConfig config, CancellationToken cancellationToken);

    Task RemoveConfigAsync(string? subject, CancellationToken cancellationToken);

    Task<RegistryMode?> GetModeAsync(string? subject, CancellationToken cancellationToken);

    Task SetModeAsync(string? subject, RegistryMode mode, CancellationToken cancellationToken);

    Task RemoveModeAsync(string? subject, CancellationToken cancellationToken);
}
