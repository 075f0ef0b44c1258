using Governance.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Storage.Configurations;

internal sealed class SchemaReferenceRowConfiguration : IEntityTypeConfiguration<SchemaReferenceRow>
{
    public void Configure(EntityTypeBuilder<SchemaReferenceRow> builder)
    {
        builder.ToTable("schema_references");
        builder.HasKey(r => new { r.Context, r.SchemaId, r.Position }).HasName("pk_schema_references");
        builder.Property(r => r.Context).HasColumnName("context");
        builder.Property(r => r.SchemaId).HasColumnName("schema_id");
        builder.Property(r => r.Position).HasColumnName("position").ValueGeneratedNever();
        builder.Property(r => r.Name).HasColumnName("name");
        builder.Property(r => r.Subject).HasColumnName("subject");
        builder.Property(r => r.Version).HasColumnName("version");
        builder.HasIndex(r => new { r.Context, r.Subject, r.Version }).HasDatabaseName("ix_schema_references_subject_version");
    }
}
