using Governance.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Governance.Storage;

/// <summary>
/// The one DbContext of Governance. The tables are created by the SQL scripts in <c>migrations/</c> (see
/// <see cref="Migrations.DatabaseMigrator"/>), never by EF Core; a test proves both agree.
/// </summary>
public sealed class GovernanceDbContext(DbContextOptions<GovernanceDbContext> options) : DbContext(options)
{
    public DbSet<SchemaRow> Schemas => Set<SchemaRow>();

    public DbSet<SchemaReferenceRow> SchemaReferences => Set<SchemaReferenceRow>();

    public DbSet<SubjectVersionRow> SubjectVersions => Set<SubjectVersionRow>();

    public DbSet<ConfigRow> Configs => Set<ConfigRow>();

    public DbSet<ModeRow> Modes => Set<ModeRow>();

    public DbSet<LineageEdgeBucketRow> LineageEdgeBuckets => Set<LineageEdgeBucketRow>();

    public DbSet<LineageNodeRow> LineageNodes => Set<LineageNodeRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GovernanceDbContext).Assembly);
}
