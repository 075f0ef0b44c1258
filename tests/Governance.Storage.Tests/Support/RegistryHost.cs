using Governance.Registry;
using Governance.Schemas;
using Governance.Schemas.Avro;
using Governance.Storage.Migrations;
using Governance.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Storage.Tests.Support;

/// <summary>
/// The registry as a server composes it (<see cref="StorageServiceCollectionExtensions.AddGovernanceStorage(IServiceCollection, StorageSettings, RegistryOptions)"/>),
/// on a fresh database of the provider a test names, migrated. Each host has its own service provider and connection pool,
/// as a separate server would.
/// </summary>
public sealed class RegistryHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private RegistryHost(ServiceProvider services, StorageSettings settings)
    {
        _services = services;
        Settings = settings;
    }

    public StorageSettings Settings { get; }

    public ISchemaRegistry Registry => _services.GetRequiredService<ISchemaRegistry>();

    public IServiceProvider Services => _services;

    /// <summary>A fresh, empty database: a new SQLite file, or a new database on the test run's PostgreSQL server.</summary>
    public static async Task<StorageSettings> CreateDatabaseAsync(string provider, PostgresServer postgres) => provider switch
    {
        "sqlite" => new StorageSettings(
            StorageProvider.Sqlite,
            $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("governance-storage-tests-").FullName, "registry.db")};Default Timeout=60"),
        "postgresql" => new StorageSettings(StorageProvider.PostgreSql, await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "sqlite or postgresql"),
    };

    public static async Task<RegistryHost> StartAsync(string provider, PostgresServer postgres, RegistryOptions? options = null) =>
        await StartAsync(await CreateDatabaseAsync(provider, postgres), options);

    /// <summary>A host on an existing database (e.g. a second server on the same PostgreSQL database).</summary>
    public static async Task<RegistryHost> StartAsync(StorageSettings settings, RegistryOptions? options = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new SchemaFormats([new AvroFormat(), new FieldsFormat()]))
            .AddGovernanceStorage(settings, options ?? new RegistryOptions())
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        return new RegistryHost(services, settings);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
