using Governance.Registry.Storage;

namespace Governance.Registry;

public sealed partial class SchemaRegistry
{
    /// <summary>
    /// Subjects by name (ordinal). A subject counts as deleted when every version of it is soft-deleted: listed with
    /// <paramref name="deleted"/>, or alone with <paramref name="deletedOnly"/>.
    /// </summary>
    public Task<IReadOnlyList<string>> ListSubjectsAsync(string? subjectPrefix, bool deleted, bool deletedOnly, CancellationToken cancellationToken) =>
        _store.ReadAsync<IReadOnlyList<string>>(async transaction =>
        {
            var versions = await transaction.GetVersionsWithPrefixAsync(subjectPrefix ?? string.Empty, cancellationToken);
            return
            [
                .. versions
                    .GroupBy(v => v.Subject, StringComparer.Ordinal)
                    .Where(subject =>
                    {
                        var allDeleted = subject.All(v => v.Deleted);
                        return deletedOnly ? allDeleted : deleted || !allDeleted;
                    })
                    .Select(subject => subject.Key)
                    .Order(StringComparer.Ordinal),
            ];
        }, cancellationToken);

    public Task<SubjectVersion> LookUpSchemaAsync(string subject, SchemaSubmission submission, bool normalize, bool deleted, CancellationToken cancellationToken) =>
        _store.ReadAsync(async transaction =>
        {
            var config = await GetConfigInScopeAsync(transaction, subject, cancellationToken);
            var prepared = await PrepareAsync(transaction, submission, normalize, config, cancellationToken);
            var versions = (await transaction.GetVersionsAsync(subject, cancellationToken)).Where(v => deleted || !v.Deleted).ToList();
            var same = (await transaction.FindSchemasAsync(prepared.IdentityHash, cancellationToken)).Where(prepared.IsSameAs).ToList();
            var match = versions.LastOrDefault(v => same.Any(s => s.Id == v.SchemaId))
                ?? throw (versions.Count == 0 ? RegistryErrors.SubjectNotFound(subject) : RegistryErrors.SchemaNotFound());
            return new SubjectVersion(subject, match.Version, same.First(s => s.Id == match.SchemaId).ToRegisteredSchema(), match.Deleted);
        }, cancellationToken);

    /// <summary>
    /// Soft delete: every live version becomes deleted (40404 when there is none left), and the subject's own config and
    /// mode go, as in Confluent. Permanent: every version is removed (40405 unless soft-deleted first). Versions other
    /// schemas reference: 42206.
    /// </summary>
    public Task<IReadOnlyList<int>> DeleteSubjectAsync(string subject, bool permanent, CancellationToken cancellationToken) =>
        _store.WriteAsync<IReadOnlyList<int>>(subject, async transaction =>
        {
            await ThrowIfReadOnlyAsync(transaction, subject, cancellationToken);
            var versions = await transaction.GetVersionsAsync(subject, cancellationToken);
            if (versions.Count == 0)
            {
                throw RegistryErrors.SubjectNotFound(subject);
            }

            var live = versions.Where(v => !v.Deleted).ToList();
            if (!permanent && live.Count == 0)
            {
                throw RegistryErrors.SubjectSoftDeleted(subject);
            }

            if (permanent && live.Count > 0)
            {
                throw RegistryErrors.SubjectNotSoftDeleted(subject);
            }

            var targets = permanent ? versions : live;
            foreach (var version in targets)
            {
                await ThrowIfReferencedAsync(transaction, version, cancellationToken);
            }

            foreach (var version in targets)
            {
                await DeleteAsync(transaction, version, permanent, cancellationToken);
            }

            if (!permanent)
            {
                await RemoveSubjectSettingsAsync(transaction, subject, cancellationToken);
            }

            return [.. targets.Select(v => v.Version)];
        }, cancellationToken);

    /// <summary>Confluent drops a subject's own config and mode once it has no live version left.</summary>
    private static async Task RemoveSubjectSettingsAsync(IRegistryTransaction transaction, string subject, CancellationToken cancellationToken)
    {
        await transaction.RemoveConfigAsync(subject, cancellationToken);
        await transaction.RemoveModeAsync(subject, cancellationToken);
    }

    private static async Task ThrowIfReferencedAsync(IRegistryTransaction transaction, StoredVersion version, CancellationToken cancellationToken)
    {
        if ((await transaction.GetReferencingSchemaIdsAsync(version.Subject, version.Version, cancellationToken)).Count > 0)
        {
            throw RegistryErrors.ReferenceExists(version.Subject, version.Version);
        }
    }

    private Task DeleteAsync(IRegistryTransaction transaction, StoredVersion version, bool permanent, CancellationToken cancellationToken) => permanent
        ? RemoveVersionAsync(transaction, version, cancellationToken)
        : transaction.SoftDeleteVersionAsync(version.Subject, version.Version, cancellationToken);
}
