using Governance.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Storage.Configurations;

internal sealed class SchemaRowConfiguration : IEntityTypeConfiguration<SchemaRow>
{
    public void Configure(EntityTypeBuilder<SchemaRow> builder)
    {
        builder.ToTable("schemas");
        builder.HasKey(s => new { s.Context, s.Id }).HasName("pk_schemas");
        builder.Property(s => s.Context).HasColumnName("context");
        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.SchemaType).HasColumnName("schema_type");
        builder.Property(s => s.SchemaText).HasColumnName("schema_text");
        builder.Property(s => s.IdentityHash).HasColumnName("identity_hash");
        builder.Property(s => s.MetadataJson).HasColumnName("metadata_json");
        builder.Property(s => s.RuleSetJson).HasColumnName("rule_set_json");
        builder.HasIndex(s => new { s.Context, s.IdentityHash }).HasDatabaseName("ix_schemas_identity_hash");
        builder.HasMany(s => s.References)
            .WithOne()
            .HasForeignKey(r => new { r.Context, r.SchemaId })
            .HasConstraintName("fk_schema_references_schemas")
            .OnDelete(DeleteBehavior.Cascade);
    }
}
