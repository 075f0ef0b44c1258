using Governance.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Storage.Configurations;

internal sealed class SubjectVersionRowConfiguration : IEntityTypeConfiguration<SubjectVersionRow>
{
    public void Configure(EntityTypeBuilder<SubjectVersionRow> builder)
    {
        builder.ToTable("subject_versions");
        builder.HasKey(v => new { v.Context, v.Subject, v.Version }).HasName("pk_subject_versions");
        builder.Property(v => v.Context).HasColumnName("context");
        builder.Property(v => v.Subject).HasColumnName("subject");
        builder.Property(v => v.Version).HasColumnName("version").ValueGeneratedNever();
        builder.Property(v => v.SchemaId).HasColumnName("schema_id");
        builder.Property(v => v.Deleted).HasColumnName("deleted");
        builder.HasIndex(v => new { v.Context, v.SchemaId }).HasDatabaseName("ix_subject_versions_schema_id");
        builder.HasOne<SchemaRow>()
            .WithMany()
            .HasForeignKey(v => new { v.Context, v.SchemaId })
            .HasConstraintName("fk_subject_versions_schemas")
            .OnDelete(DeleteBehavior.Restrict);
    }
}
