using System.Diagnostics.Metrics;
using Governance.Registry;

namespace Governance.Server.Metrics;

/// <summary>
/// Gauges of what the registry holds: subjects, schemas (distinct ids) and versions, live ones only. The database is
/// asked once per scrape (<see cref="RefreshAsync"/>), not on every measurement callback, which cannot be asynchronous.
/// </summary>
public sealed class RegistryGauges
{
    public const string MeterName = "Governance.Registry";

    private long _subjects;
    private long _schemas;
    private long _versions;

    public RegistryGauges(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("governance.registry.subjects", () => Interlocked.Read(ref _subjects), description: "Subjects with at least one live version.");
        meter.CreateObservableGauge("governance.registry.schemas", () => Interlocked.Read(ref _schemas), description: "Distinct schemas (global ids) under live versions.");
        meter.CreateObservableGauge("governance.registry.versions", () => Interlocked.Read(ref _versions), description: "Live subject versions.");
    }

    public async Task RefreshAsync(ISchemaRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var subjects = await registry.ListSubjectsAsync(null, deleted: false, deletedOnly: false, cancellationToken).ConfigureAwait(false);
        var versions = await registry.ListSchemasAsync(null, deleted: false, latestOnly: false, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _subjects, subjects.Count);
        Interlocked.Exchange(ref _versions, versions.Count);
        Interlocked.Exchange(ref _schemas, versions.Select(v => v.Schema.Id).Distinct().Count());
    }
}
