using Governance.Registry.Storage;

namespace Governance.Registry;

public sealed partial class SchemaRegistry
{
    /// <summary>Every version (live, or all with <paramref name="deleted"/>) of the matching subjects, by subject then version.</summary>
    public Task<IReadOnlyList<SubjectVersion>> ListSchemasAsync(string? subjectPrefix, bool deleted, bool latestOnly, CancellationToken cancellationToken) =>
        _store.ReadAsync<IReadOnlyList<SubjectVersion>>(async transaction =>
        {
            var versions = (await transaction.GetVersionsWithPrefixAsync(subjectPrefix ?? string.Empty, cancellationToken))
                .Where(v => deleted || !v.Deleted);
            if (latestOnly)
            {
                versions = versions.GroupBy(v => v.Subject, StringComparer.Ordinal).Select(subject => subject.Last());
            }

            var result = new List<SubjectVersion>();
            foreach (var version in versions)
            {
                result.Add(await ToSubjectVersionAsync(transaction, version, cancellationToken));
            }

            return result;
        }, cancellationToken);

    /// <summary>
    /// The schema with this id while any version, live or soft-deleted, still holds it (40403 otherwise). As in Confluent,
    /// <paramref name="subject"/> only chooses the context, so it does not restrict the answer.
    /// </summary>
    public async Task<RegisteredSchema> GetSchemaByIdAsync(int id, string? subject, CancellationToken cancellationToken)
    {
        if (_cache.FindLive(id) is { } known)
        {
            return known.ToRegisteredSchema();
        }

        return await _store.ReadAsync(async transaction =>
        {
            var (schema, _) = await GetSchemaWithVersionsAsync(transaction, id, cancellationToken);
            _cache.MarkLive(id);
            return schema.ToRegisteredSchema();
        }, cancellationToken);
    }

    public Task<IReadOnlyList<string>> GetSubjectsForIdAsync(int id, string? subject, bool deleted, CancellationToken cancellationToken) =>
        _store.ReadAsync<IReadOnlyList<string>>(async transaction =>
        {
            var (_, versions) = await GetSchemaWithVersionsAsync(transaction, id, cancellationToken);
            return [.. versions.Where(v => deleted || !v.Deleted).Select(v => v.Subject).Distinct().Order(StringComparer.Ordinal)];
        }, cancellationToken);

    public Task<IReadOnlyList<(string Subject, int Version)>> GetVersionsForIdAsync(int id, string? subject, bool deleted, CancellationToken cancellationToken) =>
        _store.ReadAsync<IReadOnlyList<(string Subject, int Version)>>(async transaction =>
        {
            var (_, versions) = await GetSchemaWithVersionsAsync(transaction, id, cancellationToken);
            return
            [
                .. versions
                    .Where(v => deleted || !v.Deleted)
                    .OrderBy(v => v.Subject, StringComparer.Ordinal)
                    .ThenBy(v => v.Version)
                    .Select(v => (v.Subject, v.Version)),
            ];
        }, cancellationToken);

    private async Task<(StoredSchema Schema, IReadOnlyList<StoredVersion> Versions)> GetSchemaWithVersionsAsync(
        IRegistryTransaction transaction, int id, CancellationToken cancellationToken)
    {
        var schema = await FindStoredSchemaAsync(transaction, id, cancellationToken);
        var versions = schema is null ? [] : await transaction.GetVersionsOfSchemaAsync(id, cancellationToken);
        return schema is null || versions.Count == 0 ? throw RegistryErrors.SchemaNotFound(id) : (schema, versions);
    }
}
