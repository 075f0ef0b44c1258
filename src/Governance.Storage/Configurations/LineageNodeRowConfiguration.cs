using Governance.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Storage.Configurations;

internal sealed class LineageNodeRowConfiguration : IEntityTypeConfiguration<LineageNodeRow>
{
    public void Configure(EntityTypeBuilder<LineageNodeRow> builder)
    {
        builder.ToTable("lineage_nodes");
        builder.HasKey(n => n.Id).HasName("pk_lineage_nodes");
        builder.Property(n => n.Id).HasColumnName("id");
        builder.Property(n => n.Kind).HasColumnName("kind");
        builder.Property(n => n.Name).HasColumnName("name");
        builder.Property(n => n.AttributesJson).HasColumnName("attributes_json");
        builder.Property(n => n.LastSeenMs).HasColumnName("last_seen_ms");
    }
}
