using Governance.Registry.Compatibility;
using Governance.Registry.Storage;
using Governance.Schemas;

namespace Governance.Registry;

/// <summary>
/// The registry core: Confluent Schema Registry's behaviour over an <see cref="IRegistryStore"/>. Stateless apart from
/// <see cref="SchemaCache"/> (schemas never change once stored), so any number of instances may share one database.
/// The operations live in partial files by resource: subjects, versions, registration, schemas, config, mode, compatibility.
/// </summary>
public sealed partial class SchemaRegistry : ISchemaRegistry
{
    private const string DefaultSchemaType = "AVRO";

    private readonly IRegistryStore _store;
    private readonly SchemaFormats _formats;
    private readonly RegistryOptions _options;
    private readonly SchemaCache _cache;

    public SchemaRegistry(IRegistryStore store, SchemaFormats formats, RegistryOptions options)
    {
        _store = store;
        _formats = formats;
        _options = options;
        _cache = new SchemaCache(options.IdLookupCacheDuration);
    }

    public IReadOnlyList<string> SchemaTypes => _formats.Types;

    /// <summary>A submitted schema, parsed, normalized when asked, with its references resolved and its identity.</summary>
    private sealed record PreparedSchema(
        ParsedSchema Parsed,
        IReadOnlyList<SchemaReference> References,
        string? MetadataJson,
        string? RuleSetJson,
        string IdentityHash)
    {
        public bool IsSameAs(StoredSchema stored) =>
            string.Equals(stored.SchemaType, Parsed.SchemaType, StringComparison.OrdinalIgnoreCase)
            && stored.SchemaText == Parsed.CanonicalText
            && stored.References.SequenceEqual(References)
            && SchemaIdentity.CompactJson(stored.MetadataJson) == SchemaIdentity.CompactJson(MetadataJson)
            && SchemaIdentity.CompactJson(stored.RuleSetJson) == SchemaIdentity.CompactJson(RuleSetJson);
    }

    /// <param name="normalize">The request's <c>normalize</c>; the subject's (or global) <c>normalize</c> config can also ask for it.</param>
    private async Task<PreparedSchema> PrepareAsync(
        IRegistryTransaction transaction, SchemaSubmission submission, bool normalize, RegistryConfig config, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(submission.Schema))
        {
            throw RegistryErrors.InvalidSchema("Empty schema");
        }

        if (submission.Schema.Length > _options.MaxSchemaLength)
        {
            throw RegistryErrors.SchemaTooLarge(submission.Schema.Length, _options.MaxSchemaLength);
        }

        // Only an absent (or null) schemaType means AVRO; an empty one is refused as an unknown type, as Confluent does.
        var schemaType = submission.SchemaType ?? DefaultSchemaType;
        var format = _formats.Find(schemaType) ?? throw RegistryErrors.InvalidSchema($"Invalid schema type {schemaType}");
        ParsedSchema parsed;
        List<SchemaReference> references;
        try
        {
            (var contents, references) = await ResolveReferencesAsync(transaction, submission.References ?? [], cancellationToken);
            parsed = format.Parse(submission.Schema, contents);
            if (normalize || config.Normalize == true)
            {
                parsed = parsed.Normalize();
            }
        }
        catch (InvalidSchemaException e)
        {
            throw new RegistryException(RegistryErrorCode.InvalidSchema, $"Invalid schema of type {format.SchemaType}, details: {e.Message}", e);
        }

        string hash;
        try
        {
            hash = SchemaIdentity.Hash(parsed.SchemaType, parsed.CanonicalText, references, submission.MetadataJson, submission.RuleSetJson);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new RegistryException(RegistryErrorCode.InvalidSchema, $"Invalid metadata or ruleSet JSON: {e.Message}", e);
        }

        return new PreparedSchema(parsed, references, submission.MetadataJson, submission.RuleSetJson, hash);
    }

    /// <summary>
    /// Every schema the references point to, transitively, each name once, dependencies before the schemas that use them,
    /// and the references themselves with <c>-1</c> (latest) replaced by the version it resolved to; as Confluent's
    /// <c>AbstractSchemaProvider.resolveReferences</c>, soft-deleted versions count.
    /// </summary>
    /// <exception cref="InvalidSchemaException">A reference points to no version.</exception>
    private async Task<(List<SchemaReferenceContent> Contents, List<SchemaReference> References)> ResolveReferencesAsync(
        IRegistryTransaction transaction, IReadOnlyList<SchemaReference> references, CancellationToken cancellationToken)
    {
        var contents = new List<SchemaReferenceContent>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var resolved = new List<SchemaReference>();
        foreach (var reference in references)
        {
            resolved.Add(await VisitAsync(reference));
        }

        return (contents, resolved);

        async Task<SchemaReference> VisitAsync(SchemaReference reference)
        {
            var versions = await transaction.GetVersionsAsync(reference.Subject, cancellationToken);
            var target = reference.Version == -1
                ? versions.LastOrDefault(v => !v.Deleted)
                : versions.FirstOrDefault(v => v.Version == reference.Version);
            var schema = target is null ? null : await FindStoredSchemaAsync(transaction, target.SchemaId, cancellationToken);
            if (target is null || schema is null)
            {
                throw new InvalidSchemaException($"No schema reference found for subject \"{reference.Subject}\" and version {reference.Version}");
            }

            if (visited.Add(reference.Name))
            {
                foreach (var nested in schema.References)
                {
                    await VisitAsync(nested);
                }

                contents.Add(new SchemaReferenceContent(reference.Name, schema.SchemaText));
            }

            return reference with { Version = target.Version };
        }
    }

    /// <summary>The stored schema, parsed; cached by id for good since schemas never change.</summary>
    private async Task<ParsedSchema> LoadAsync(IRegistryTransaction transaction, StoredSchema schema, CancellationToken cancellationToken)
    {
        if (_cache.FindParsed(schema.Id) is { } cached)
        {
            return cached;
        }

        var format = _formats.Find(schema.SchemaType)
            ?? throw new RegistryException(RegistryErrorCode.StoreError, $"Schema {schema.Id} has type {schema.SchemaType}, which this registry does not support");
        try
        {
            var (contents, _) = await ResolveReferencesAsync(transaction, schema.References, cancellationToken);
            return _cache.AddParsed(schema.Id, format.Parse(schema.SchemaText, contents));
        }
        catch (InvalidSchemaException e)
        {
            throw new RegistryException(RegistryErrorCode.StoreError, $"Stored schema {schema.Id} no longer parses: {e.Message}", e);
        }
    }

    /// <summary>The schema with this id, from memory or the store (and then remembered).</summary>
    private async Task<StoredSchema?> FindStoredSchemaAsync(IRegistryTransaction transaction, int schemaId, CancellationToken cancellationToken)
    {
        if (_cache.FindStored(schemaId) is { } cached)
        {
            return cached;
        }

        var schema = await transaction.GetSchemaAsync(schemaId, cancellationToken);
        if (schema is not null)
        {
            _cache.AddStored(schema);
        }

        return schema;
    }

    private async Task<StoredSchema> GetStoredSchemaAsync(IRegistryTransaction transaction, int schemaId, CancellationToken cancellationToken) =>
        await FindStoredSchemaAsync(transaction, schemaId, cancellationToken)
        ?? throw new RegistryException(RegistryErrorCode.StoreError, $"Schema {schemaId} is missing from the store");

    /// <summary>Removes a version for good, and stops trusting that its schema id still has a version.</summary>
    private Task RemoveVersionAsync(IRegistryTransaction transaction, StoredVersion version, CancellationToken cancellationToken)
    {
        _cache.ForgetLive(version.SchemaId);
        return transaction.RemoveVersionAsync(version.Subject, version.Version, cancellationToken);
    }

    private async Task<SubjectVersion> ToSubjectVersionAsync(IRegistryTransaction transaction, StoredVersion version, CancellationToken cancellationToken)
    {
        var schema = await GetStoredSchemaAsync(transaction, version.SchemaId, cancellationToken);
        return new SubjectVersion(version.Subject, version.Version, schema.ToRegisteredSchema(), version.Deleted);
    }

    private static async Task<RegistryMode> GetModeInScopeAsync(IRegistryTransaction transaction, string subject, CancellationToken cancellationToken) =>
        await transaction.GetModeAsync(subject, cancellationToken)
        ?? await transaction.GetModeAsync(null, cancellationToken)
        ?? RegistryMode.ReadWrite;

    private static async Task ThrowIfReadOnlyAsync(IRegistryTransaction transaction, string subject, CancellationToken cancellationToken)
    {
        if (await GetModeInScopeAsync(transaction, subject, cancellationToken) is RegistryMode.ReadOnly or RegistryMode.ReadOnlyOverride)
        {
            throw RegistryErrors.ReadOnly(subject);
        }
    }

    /// <summary>The subject's configuration with every field it does not set taken from the global level, then the defaults.</summary>
    private async Task<RegistryConfig> GetConfigInScopeAsync(IRegistryTransaction transaction, string? subject, CancellationToken cancellationToken)
    {
        var global = await transaction.GetConfigAsync(null, cancellationToken);
        var own = subject is null ? null : await transaction.GetConfigAsync(subject, cancellationToken);
        return Merge(Merge(new RegistryConfig(_options.DefaultCompatibility), global), own);
    }

    /// <summary>The fields <paramref name="update"/> sets replace those of <paramref name="current"/>.</summary>
    private static RegistryConfig Merge(RegistryConfig current, RegistryConfig? update) => update is null
        ? current
        : new RegistryConfig(
            update.Compatibility ?? current.Compatibility,
            update.Normalize ?? current.Normalize,
            update.CompatibilityGroup ?? current.CompatibilityGroup,
            update.ValidateFields ?? current.ValidateFields,
            update.Alias ?? current.Alias);

    /// <summary>
    /// The compatibility messages of <paramref name="candidate"/> against <paramref name="previous"/> (live versions, oldest
    /// first) under the configuration, with Confluent's closing line; empty when compatible. With a <c>compatibilityGroup</c>,
    /// only versions whose metadata property of that name equals the candidate's (both possibly absent) count.
    /// </summary>
    private async Task<List<string>> CheckCompatibilityAsync(
        IRegistryTransaction transaction, RegistryConfig config, PreparedSchema candidate, IEnumerable<StoredVersion> previous, CancellationToken cancellationToken)
    {
        var level = config.Compatibility ?? _options.DefaultCompatibility;
        if (level == CompatibilityLevel.None)
        {
            return [];
        }

        var group = config.CompatibilityGroup;
        var candidateGroup = group is null ? null : MetadataProperties.Find(candidate.MetadataJson, group);
        var parsed = new List<VersionedSchema>();
        foreach (var version in previous)
        {
            var schema = await GetStoredSchemaAsync(transaction, version.SchemaId, cancellationToken);
            if (group is null || MetadataProperties.Find(schema.MetadataJson, group) == candidateGroup)
            {
                parsed.Add(new VersionedSchema(version.Version, await LoadAsync(transaction, schema, cancellationToken)));
            }
        }

        var messages = CompatibilityChecker.Check(level, candidate.Parsed, parsed);
        if (messages.Count > 0)
        {
            var validateFields = (config.ValidateFields ?? false) ? "true" : "false";
            messages.Add($"{{validateFields: '{validateFields}', compatibility: '{level.Name()}'}}");
        }

        return messages;
    }

    /// <summary>The version a path names among <paramref name="versions"/>: <c>latest</c> is the newest live one.</summary>
    private static StoredVersion? Find(IReadOnlyList<StoredVersion> versions, VersionSpec spec, bool includeDeleted) => spec.IsLatest
        ? versions.LastOrDefault(v => !v.Deleted)
        : versions.FirstOrDefault(v => v.Version == spec.Number && (includeDeleted || !v.Deleted));

    /// <summary>The version a path names, or 40401 when the subject has no version visible, 40402 when that one is missing.</summary>
    private static async Task<StoredVersion> GetExistingVersionAsync(
        IRegistryTransaction transaction, string subject, VersionSpec spec, bool includeDeleted, CancellationToken cancellationToken)
    {
        var versions = await transaction.GetVersionsAsync(subject, cancellationToken);
        return Find(versions, spec, includeDeleted)
            ?? throw (versions.Any(v => includeDeleted || !v.Deleted)
                ? RegistryErrors.VersionNotFound(spec.Number)
                : RegistryErrors.SubjectNotFound(subject));
    }
}
