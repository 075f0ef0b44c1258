using Governance.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Storage.Configurations;

internal sealed class ModeRowConfiguration : IEntityTypeConfiguration<ModeRow>
{
    public void Configure(EntityTypeBuilder<ModeRow> builder)
    {
        builder.ToTable("modes");
        builder.HasKey(m => new { m.Context, m.Subject }).HasName("pk_modes");
        builder.Property(m => m.Context).HasColumnName("context");
        builder.Property(m => m.Subject).HasColumnName("subject");
        builder.Property(m => m.Mode).HasColumnName("mode");
    }
}
