using Governance.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Storage.Configurations;

internal sealed class LineageEdgeBucketRowConfiguration : IEntityTypeConfiguration<LineageEdgeBucketRow>
{
    public void Configure(EntityTypeBuilder<LineageEdgeBucketRow> builder)
    {
        builder.ToTable("lineage_edge_buckets");
        builder.HasKey(b => new { b.FromNode, b.ToNode, b.Kind, b.BucketMinutes, b.BucketStartMs }).HasName("pk_lineage_edge_buckets");
        builder.Property(b => b.FromNode).HasColumnName("from_node");
        builder.Property(b => b.ToNode).HasColumnName("to_node");
        builder.Property(b => b.Kind).HasColumnName("kind");
        builder.Property(b => b.BucketMinutes).HasColumnName("bucket_minutes");
        builder.Property(b => b.BucketStartMs).HasColumnName("bucket_start_ms");
        builder.Property(b => b.Records).HasColumnName("records");
        builder.Property(b => b.Bytes).HasColumnName("bytes");
        builder.Property(b => b.FirstSeenMs).HasColumnName("first_seen_ms");
        builder.Property(b => b.LastSeenMs).HasColumnName("last_seen_ms");
        builder.HasIndex(b => b.BucketStartMs).HasDatabaseName("ix_lineage_edge_buckets_start");
    }
}
