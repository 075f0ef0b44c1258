using Governance.Registry.Storage;

namespace Governance.Registry;

public sealed partial class SchemaRegistry
{
    /// <summary>
    /// Confluent's <c>register</c>, in one transaction under the subject's lock: the mode allows it; the same schema
    /// already live under the subject returns that version; otherwise the candidate must pass the subject's compatibility
    /// level against its live versions (not in IMPORT mode), takes the id its identity already has or a new one, and
    /// becomes version max+1 (deleted versions count, so numbers continue after a soft delete). A soft-deleted version
    /// holding the same schema is removed for good, as Confluent tombstones it.
    /// </summary>
    public Task<SubjectVersion> RegisterAsync(string subject, SchemaSubmission submission, bool normalize, CancellationToken cancellationToken)
    {
        SubjectName.Validate(subject);
        return _store.WriteAsync(subject, async transaction =>
        {
            var mode = await GetModeInScopeAsync(transaction, subject, cancellationToken);
            CheckRegisterMode(subject, submission, mode);
            var config = await GetConfigInScopeAsync(transaction, subject, cancellationToken);
            var prepared = await PrepareAsync(transaction, submission, normalize, config, cancellationToken);
            var versions = await transaction.GetVersionsAsync(subject, cancellationToken);

            var existing = await FindSameSchemaAsync(transaction, prepared, submission.Id, cancellationToken);
            var live = existing is null ? null : versions.LastOrDefault(v => v.SchemaId == existing.Id && !v.Deleted);
            if (live is not null)
            {
                return new SubjectVersion(subject, live.Version, existing!.ToRegisteredSchema(), Deleted: false);
            }

            if (mode != RegistryMode.Import)
            {
                var messages = await CheckCompatibilityAsync(transaction, config, prepared, versions.Where(v => !v.Deleted), cancellationToken);
                if (messages.Count > 0)
                {
                    throw RegistryErrors.Incompatible(subject, messages);
                }
            }

            var version = ChooseVersion(subject, submission, mode, versions);
            var schema = existing ?? await AddSchemaAsync(transaction, prepared, submission.Id, cancellationToken);
            foreach (var deleted in versions.Where(v => v.Deleted && v.SchemaId == schema.Id && v.Version < version))
            {
                await RemoveVersionAsync(transaction, deleted, cancellationToken);
            }

            await transaction.InsertVersionAsync(new StoredVersion(subject, version, schema.Id, Deleted: false), cancellationToken);
            return new SubjectVersion(subject, version, schema.ToRegisteredSchema(), Deleted: false);
        }, cancellationToken);
    }

    /// <summary>Confluent's <c>checkRegisterMode</c>: read-only refuses; an explicit id needs IMPORT; no id needs READWRITE.</summary>
    private static void CheckRegisterMode(string subject, SchemaSubmission submission, RegistryMode mode)
    {
        if (mode is RegistryMode.ReadOnly or RegistryMode.ReadOnlyOverride)
        {
            throw RegistryErrors.ReadOnly(subject);
        }

        if (submission.Id is >= 0)
        {
            if (mode != RegistryMode.Import)
            {
                throw RegistryErrors.NotInImportMode(subject);
            }
        }
        else if (mode != RegistryMode.ReadWrite)
        {
            throw RegistryErrors.NotInReadWriteMode(subject);
        }
    }

    /// <summary>The stored schema with the same identity, if any; 42207 when the client asks for another id than it has.</summary>
    private static async Task<StoredSchema?> FindSameSchemaAsync(
        IRegistryTransaction transaction, PreparedSchema prepared, int? requestedId, CancellationToken cancellationToken)
    {
        var candidates = await transaction.FindSchemasAsync(prepared.IdentityHash, cancellationToken);
        var same = candidates.Where(prepared.IsSameAs).ToList();
        if (requestedId is not int id || id < 0)
        {
            return same.FirstOrDefault();
        }

        return same.FirstOrDefault(s => s.Id == id)
            ?? (same.Count > 0 ? throw RegistryErrors.IdDoesNotMatch(same[0].Id, id) : null);
    }

    private static int ChooseVersion(string subject, SchemaSubmission submission, RegistryMode mode, IReadOnlyList<StoredVersion> versions)
    {
        var next = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
        if (submission.Version is not int requested || requested <= 0)
        {
            return next;
        }

        if (mode != RegistryMode.Import)
        {
            return requested == next ? next : throw RegistryErrors.InvalidSchema("Version is not one more than previous version");
        }

        return versions.Any(v => v.Version == requested) ? throw RegistryErrors.VersionTakenByAnotherSchema(subject, requested) : requested;
    }

    /// <summary>
    /// Stores a new schema under the registry-wide id lock (taken after the subject's lock): looks for the identity again,
    /// since a writer of another subject may have stored it meanwhile, then takes the requested id (IMPORT) or max+1.
    /// </summary>
    private static async Task<StoredSchema> AddSchemaAsync(
        IRegistryTransaction transaction, PreparedSchema prepared, int? requestedId, CancellationToken cancellationToken)
    {
        await transaction.LockSchemaIdsAsync(cancellationToken);
        var stored = await FindSameSchemaAsync(transaction, prepared, requestedId, cancellationToken);
        if (stored is not null)
        {
            return stored;
        }

        int id;
        if (requestedId is int requested && requested >= 0)
        {
            if (await transaction.GetSchemaAsync(requested, cancellationToken) is not null)
            {
                throw RegistryErrors.IdTakenByAnotherSchema(requested);
            }

            id = requested;
        }
        else
        {
            id = await transaction.NextSchemaIdAsync(cancellationToken);
        }

        var schema = new StoredSchema(
            id, prepared.Parsed.SchemaType, prepared.Parsed.CanonicalText, prepared.IdentityHash, prepared.References, prepared.MetadataJson, prepared.RuleSetJson);
        await transaction.InsertSchemaAsync(schema, cancellationToken);
        return schema;
    }
}
