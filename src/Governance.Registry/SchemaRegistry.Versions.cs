namespace Governance.Registry;

public sealed partial class SchemaRegistry
{
    /// <summary>The subject's version numbers; 40401 when it has none visible under the filter's wider view.</summary>
    public Task<IReadOnlyList<int>> ListVersionsAsync(string subject, bool deleted, bool deletedOnly, CancellationToken cancellationToken) =>
        _store.ReadAsync<IReadOnlyList<int>>(async transaction =>
        {
            var versions = await transaction.GetVersionsAsync(subject, cancellationToken);
            var includeDeleted = deleted || deletedOnly;
            if (!versions.Any(v => includeDeleted || !v.Deleted))
            {
                throw RegistryErrors.SubjectNotFound(subject);
            }

            return [.. versions.Where(v => deletedOnly ? v.Deleted : includeDeleted || !v.Deleted).Select(v => v.Version)];
        }, cancellationToken);

    public Task<SubjectVersion> GetVersionAsync(string subject, VersionSpec version, bool deleted, CancellationToken cancellationToken) =>
        _store.ReadAsync(async transaction =>
        {
            var stored = await GetExistingVersionAsync(transaction, subject, version, deleted, cancellationToken);
            return await ToSubjectVersionAsync(transaction, stored, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<int>> GetReferencedByAsync(string subject, VersionSpec version, CancellationToken cancellationToken) =>
        _store.ReadAsync(async transaction =>
        {
            var stored = await GetExistingVersionAsync(transaction, subject, version, includeDeleted: false, cancellationToken);
            return await transaction.GetReferencingSchemaIdsAsync(subject, stored.Version, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Soft delete of a live version (40406 when already soft-deleted), or permanent removal of a soft-deleted one (40407
    /// when not soft-deleted first); 42206 while a live schema references it; 42205 in read-only mode. Soft-deleting the last
    /// live version drops the subject's own config and mode, as in Confluent.
    /// </summary>
    public Task<int> DeleteVersionAsync(string subject, VersionSpec version, bool permanent, CancellationToken cancellationToken) =>
        _store.WriteAsync(subject, async transaction =>
        {
            await ThrowIfReadOnlyAsync(transaction, subject, cancellationToken);
            var stored = await GetExistingVersionAsync(transaction, subject, version, includeDeleted: true, cancellationToken);
            if (!permanent && stored.Deleted)
            {
                throw RegistryErrors.VersionSoftDeleted(subject, version);
            }

            if (permanent && !stored.Deleted)
            {
                throw RegistryErrors.VersionNotSoftDeleted(subject, version);
            }

            await ThrowIfReferencedAsync(transaction, stored, cancellationToken);
            await DeleteAsync(transaction, stored, permanent, cancellationToken);
            if (!permanent && !(await transaction.GetVersionsAsync(subject, cancellationToken)).Any(v => !v.Deleted))
            {
                await RemoveSubjectSettingsAsync(transaction, subject, cancellationToken);
            }

            return stored.Version;
        }, cancellationToken);
}
