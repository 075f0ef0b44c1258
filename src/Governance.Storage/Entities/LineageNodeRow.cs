namespace Governance.Storage.Entities;

/// <summary>Table <c>lineage_nodes</c>: a lineage node (client, topic, group, subject, schema) and what is known of it.</summary>
public sealed class LineageNodeRow
{
    public string Id { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>A JSON object of string attributes.</summary>
    public string AttributesJson { get; set; } = "{}";

    public long LastSeenMs { get; set; }
}
