using Governance.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Storage.Configurations;

internal sealed class ConfigRowConfiguration : IEntityTypeConfiguration<ConfigRow>
{
    public void Configure(EntityTypeBuilder<ConfigRow> builder)
    {
        builder.ToTable("configs");
        builder.HasKey(c => new { c.Context, c.Subject }).HasName("pk_configs");
        builder.Property(c => c.Context).HasColumnName("context");
        builder.Property(c => c.Subject).HasColumnName("subject");
        builder.Property(c => c.Compatibility).HasColumnName("compatibility");
        builder.Property(c => c.Normalize).HasColumnName("normalize");
        builder.Property(c => c.CompatibilityGroup).HasColumnName("compatibility_group");
        builder.Property(c => c.ValidateFields).HasColumnName("validate_fields");
        builder.Property(c => c.Alias).HasColumnName("alias");
    }
}
