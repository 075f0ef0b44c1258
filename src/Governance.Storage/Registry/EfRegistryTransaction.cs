using Governance.Registry;
using Governance.Registry.Storage;
using Governance.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Governance.Storage.Registry;

/// <summary>The registry's reads and writes as EF Core queries, all in the default context.</summary>
internal sealed class EfRegistryTransaction(GovernanceDbContext db, IWriteLocks locks) : IRegistryTransaction
{
    /// <summary>The default Confluent context: the only one used until contexts are built.</summary>
    private const string Context = "";

    /// <summary>How configs and modes store the global level.</summary>
    private const string GlobalSubject = "";

    public async Task<IReadOnlyList<StoredVersion>> GetVersionsAsync(string subject, CancellationToken cancellationToken)
    {
        var rows = await db.SubjectVersions.AsNoTracking()
            .Where(v => v.Context == Context && v.Subject == subject)
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(v => v.Version).Select(ToStored)];
    }

    public async Task<IReadOnlyList<StoredVersion>> GetVersionsWithPrefixAsync(string subjectPrefix, CancellationToken cancellationToken)
    {
        var query = db.SubjectVersions.AsNoTracking().Where(v => v.Context == Context);
        if (subjectPrefix.Length > 0)
        {
            query = query.Where(v => v.Subject.StartsWith(subjectPrefix));
        }

        var rows = await query.ToListAsync(cancellationToken);

        // SQLite's LIKE ignores ASCII case: keep only exact prefixes, and order by code unit as Confluent does.
        return
        [
            .. rows
                .Where(v => v.Subject.StartsWith(subjectPrefix, StringComparison.Ordinal))
                .OrderBy(v => v.Subject, StringComparer.Ordinal)
                .ThenBy(v => v.Version)
                .Select(ToStored),
        ];
    }

    public async Task<IReadOnlyList<StoredVersion>> GetVersionsOfSchemaAsync(int schemaId, CancellationToken cancellationToken)
    {
        var rows = await db.SubjectVersions.AsNoTracking()
            .Where(v => v.Context == Context && v.SchemaId == schemaId)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToStored)];
    }

    public async Task<StoredSchema?> GetSchemaAsync(int schemaId, CancellationToken cancellationToken)
    {
        var row = await db.Schemas.AsNoTracking()
            .Include(s => s.References)
            .FirstOrDefaultAsync(s => s.Context == Context && s.Id == schemaId, cancellationToken);
        return row is null ? null : ToStored(row);
    }

    public async Task<IReadOnlyList<StoredSchema>> FindSchemasAsync(string identityHash, CancellationToken cancellationToken)
    {
        var rows = await db.Schemas.AsNoTracking()
            .Include(s => s.References)
            .Where(s => s.Context == Context && s.IdentityHash == identityHash)
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(s => s.Id).Select(ToStored)];
    }

    public Task LockSchemaIdsAsync(CancellationToken cancellationToken) => locks.LockSchemaIdsAsync(db, cancellationToken);

    public async Task<int> NextSchemaIdAsync(CancellationToken cancellationToken) =>
        (await db.Schemas.Where(s => s.Context == Context).MaxAsync(s => (int?)s.Id, cancellationToken) ?? 0) + 1;

    public async Task InsertSchemaAsync(StoredSchema schema, CancellationToken cancellationToken)
    {
        db.Schemas.Add(new SchemaRow
        {
            Context = Context,
            Id = schema.Id,
            SchemaType = schema.SchemaType,
            SchemaText = schema.SchemaText,
            IdentityHash = schema.IdentityHash,
            MetadataJson = schema.MetadataJson,
            RuleSetJson = schema.RuleSetJson,
            References =
            [
                .. schema.References.Select((reference, position) => new SchemaReferenceRow
                {
                    Context = Context,
                    SchemaId = schema.Id,
                    Position = position,
                    Name = reference.Name,
                    Subject = reference.Subject,
                    Version = reference.Version,
                }),
            ],
        });
        await SaveAsync(cancellationToken);
    }

    public async Task InsertVersionAsync(StoredVersion version, CancellationToken cancellationToken)
    {
        db.SubjectVersions.Add(new SubjectVersionRow
        {
            Context = Context,
            Subject = version.Subject,
            Version = version.Version,
            SchemaId = version.SchemaId,
            Deleted = version.Deleted,
        });
        await SaveAsync(cancellationToken);
    }

    public Task SoftDeleteVersionAsync(string subject, int version, CancellationToken cancellationToken) =>
        db.SubjectVersions
            .Where(v => v.Context == Context && v.Subject == subject && v.Version == version)
            .ExecuteUpdateAsync(update => update.SetProperty(v => v.Deleted, true), cancellationToken);

    public Task RemoveVersionAsync(string subject, int version, CancellationToken cancellationToken) =>
        db.SubjectVersions
            .Where(v => v.Context == Context && v.Subject == subject && v.Version == version)
            .ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<int>> GetReferencingSchemaIdsAsync(string subject, int version, CancellationToken cancellationToken) =>
        await db.SchemaReferences.AsNoTracking()
            .Where(r => r.Context == Context && r.Subject == subject && r.Version == version)
            .Where(r => db.SubjectVersions.Any(v => v.Context == Context && v.SchemaId == r.SchemaId && !v.Deleted))
            .Select(r => r.SchemaId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);

    public async Task<RegistryConfig?> GetConfigAsync(string? subject, CancellationToken cancellationToken)
    {
        var key = subject ?? GlobalSubject;
        var row = await db.Configs.AsNoTracking().FirstOrDefaultAsync(c => c.Context == Context && c.Subject == key, cancellationToken);
        return row is null
            ? null
            : new RegistryConfig(
                row.Compatibility is null ? null : RegistryNames.ParseCompatibilityLevel(row.Compatibility),
                row.Normalize,
                row.CompatibilityGroup,
                row.ValidateFields,
                row.Alias);
    }

    public async Task SetConfigAsync(string? subject, RegistryConfig config, CancellationToken cancellationToken)
    {
        var key = subject ?? GlobalSubject;
        var row = await db.Configs.FirstOrDefaultAsync(c => c.Context == Context && c.Subject == key, cancellationToken);
        if (row is null)
        {
            row = new ConfigRow { Context = Context, Subject = key };
            db.Configs.Add(row);
        }

        row.Compatibility = config.Compatibility?.Name();
        row.Normalize = config.Normalize;
        row.CompatibilityGroup = config.CompatibilityGroup;
        row.ValidateFields = config.ValidateFields;
        row.Alias = config.Alias;
        await SaveAsync(cancellationToken);
    }

    public Task RemoveConfigAsync(string? subject, CancellationToken cancellationToken)
    {
        var key = subject ?? GlobalSubject;
        return db.Configs.Where(c => c.Context == Context && c.Subject == key).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<RegistryMode?> GetModeAsync(string? subject, CancellationToken cancellationToken)
    {
        var key = subject ?? GlobalSubject;
        var row = await db.Modes.AsNoTracking().FirstOrDefaultAsync(m => m.Context == Context && m.Subject == key, cancellationToken);
        return row is null ? null : RegistryNames.ParseMode(row.Mode);
    }

    public async Task SetModeAsync(string? subject, RegistryMode mode, CancellationToken cancellationToken)
    {
        var key = subject ?? GlobalSubject;
        var row = await db.Modes.FirstOrDefaultAsync(m => m.Context == Context && m.Subject == key, cancellationToken);
        if (row is null)
        {
            row = new ModeRow { Context = Context, Subject = key };
            db.Modes.Add(row);
        }

        row.Mode = mode.Name();
        await SaveAsync(cancellationToken);
    }

    public Task RemoveModeAsync(string? subject, CancellationToken cancellationToken)
    {
        var key = subject ?? GlobalSubject;
        return db.Modes.Where(m => m.Context == Context && m.Subject == key).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static StoredVersion ToStored(SubjectVersionRow row) => new(row.Subject, row.Version, row.SchemaId, row.Deleted);

    private static StoredSchema ToStored(SchemaRow row) => new(
        row.Id,
        row.SchemaType,
        row.SchemaText,
        row.IdentityHash,
        [.. row.References.OrderBy(r => r.Position).Select(r => new SchemaReference(r.Name, r.Subject, r.Version))],
        row.MetadataJson,
        row.RuleSetJson);
}
