using Governance.Lineage;
using Governance.Lineage.Graph;
using Governance.Lineage.Recording;
using Governance.Lineage.Storage;
using Governance.Registry;
using Governance.Schemas;
using Governance.Storage;
using Governance.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Lineage.Tests.Support;

/// <summary>Lineage as the server composes it, over a fresh migrated SQLite file (or given settings), on a fake clock.</summary>
public sealed class LineageHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private LineageHost(ServiceProvider services) => _services = services;

    public LineageRecorder Recorder => _services.GetRequiredService<LineageRecorder>();

    public ILineageQuery Query => _services.GetRequiredService<ILineageQuery>();

    public ILineageStore Store => _services.GetRequiredService<ILineageStore>();

    public LineageService Service => _services.GetRequiredService<LineageService>();

    public static StorageSettings FreshSqlite() => new(
        StorageProvider.Sqlite,
        $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("governance-lineage-tests-").FullName, "lineage.db")};Default Timeout=60");

    public static async Task<LineageHost> StartAsync(FakeTimeProvider time, StorageSettings? settings = null, Dictionary<string, string?>? configuration = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(new SchemaFormats([]))
            .AddGovernanceStorage(settings ?? FreshSqlite(), new RegistryOptions())
            .AddGovernanceLineage(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? []).Build())
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        return new LineageHost(services);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
