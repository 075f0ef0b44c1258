namespace Governance.Registry;

public sealed partial class SchemaRegistry
{
    /// <summary>
    /// Confluent's compatibility resource: against one version (40401/40402 when missing; <c>latest</c> of an empty subject
    /// is compatible) or, with <paramref name="version"/> null, against the live versions the subject's level checks.
    /// </summary>
    public Task<CompatibilityCheckResult> TestCompatibilityAsync(
        string subject, VersionSpec? version, SchemaSubmission submission, bool normalize, bool verbose, CancellationToken cancellationToken) =>
        _store.ReadAsync(async transaction =>
        {
            var config = await GetConfigInScopeAsync(transaction, subject, cancellationToken);
            var prepared = await PrepareAsync(transaction, submission, normalize, config, cancellationToken);
            var live = (await transaction.GetVersionsAsync(subject, cancellationToken)).Where(v => !v.Deleted).ToList();
            var previous = version switch
            {
                null => live,
                { IsLatest: true } => live.TakeLast(1).ToList(),
                { } spec => [live.FirstOrDefault(v => v.Version == spec.Number)
                    ?? throw (live.Count == 0 ? RegistryErrors.SubjectNotFound(subject) : RegistryErrors.VersionNotFound(spec.Number))],
            };
            var messages = await CheckCompatibilityAsync(transaction, config, prepared, previous, cancellationToken);
            return new CompatibilityCheckResult(messages.Count == 0, verbose ? messages : []);
        }, cancellationToken);

    /// <summary>The semantic diff from one live version to another (40401/40402 when missing; 42201 across schema types).</summary>
    public Task<SchemaDiff> DiffAsync(string subject, VersionSpec from, VersionSpec to, CancellationToken cancellationToken) =>
        _store.ReadAsync(async transaction =>
        {
            var fromVersion = await GetExistingVersionAsync(transaction, subject, from, includeDeleted: false, cancellationToken);
            var toVersion = await GetExistingVersionAsync(transaction, subject, to, includeDeleted: false, cancellationToken);
            var fromSchema = await LoadAsync(transaction, await GetStoredSchemaAsync(transaction, fromVersion.SchemaId, cancellationToken), cancellationToken);
            var toSchema = await LoadAsync(transaction, await GetStoredSchemaAsync(transaction, toVersion.SchemaId, cancellationToken), cancellationToken);
            if (!string.Equals(fromSchema.SchemaType, toSchema.SchemaType, StringComparison.OrdinalIgnoreCase))
            {
                throw RegistryErrors.InvalidSchema(
                    $"Cannot diff version {fromVersion.Version} ({fromSchema.SchemaType}) with version {toVersion.Version} ({toSchema.SchemaType}) of subject '{subject}': the schema types differ");
            }

            return new SchemaDiff(subject, fromVersion.Version, toVersion.Version, toSchema.SchemaType, toSchema.DiffFrom(fromSchema));
        }, cancellationToken);
}
