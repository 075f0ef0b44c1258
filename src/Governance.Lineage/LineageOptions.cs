namespace Governance.Lineage;

/// <summary><c>Governance:Lineage</c>: how often counts are stored, and how long minutes and hours are kept.</summary>
public sealed record LineageOptions
{
    public const string SectionName = "Governance:Lineage";

    /// <summary>How often the counts in memory go to the database; a kill -9 loses at most this much.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Minute buckets older than this are rolled up into hours.</summary>
    public TimeSpan MinuteRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Buckets older than this are deleted.</summary>
    public TimeSpan HourRetention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How often roll-up and retention run.</summary>
    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromHours(1);
}
