using Governance.Registry;
using Governance.Registry.Storage;
using Governance.Lineage.Storage;
using Governance.Storage.Lineage;
using Governance.Storage.Migrations;
using Governance.Storage.Registry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Storage;

/// <summary>Composition of storage and the registry core for the host.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Where the embedded default keeps its database, relative to the working directory.</summary>
    public const string DefaultSqliteFile = "./data/governance.db";

    /// <summary>
    /// Registers the database (<c>Governance:Storage:Provider</c>: <c>sqlite</c>, the default, or <c>postgresql</c>;
    /// <c>ConnectionStrings:Governance</c>, for SQLite by default <see cref="DefaultSqliteFile"/>), the migrations applied at
    /// start, <see cref="DatabaseReadiness"/>, and the registry core: <see cref="ISchemaRegistry"/> as a singleton
    /// <see cref="SchemaRegistry"/> over this storage, with <see cref="RegistryOptions"/> from <c>Governance:Registry</c>
    /// (<c>MaxSchemaLength</c> in characters, <c>IdLookupCacheDuration</c> as <c>hh:mm:ss</c>). The host registers the <see cref="Governance.Schemas.SchemaFormats"/>.
    /// </summary>
    public static IServiceCollection AddGovernanceStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var registryOptions = new RegistryOptions();
        if (int.TryParse(configuration["Governance:Registry:MaxSchemaLength"], out var maxSchemaLength) && maxSchemaLength > 0)
        {
            registryOptions.MaxSchemaLength = maxSchemaLength;
        }

        if (TimeSpan.TryParse(configuration["Governance:Registry:IdLookupCacheDuration"], System.Globalization.CultureInfo.InvariantCulture, out var cacheDuration)
            && cacheDuration >= TimeSpan.Zero)
        {
            registryOptions.IdLookupCacheDuration = cacheDuration;
        }

        return services.AddGovernanceStorage(ReadSettings(configuration), registryOptions);
    }

    /// <summary>The same as <see cref="AddGovernanceStorage(IServiceCollection, IConfiguration)"/>, with the settings given.</summary>
    public static IServiceCollection AddGovernanceStorage(this IServiceCollection services, StorageSettings settings, RegistryOptions registryOptions)
    {
        services.AddSingleton(settings);
        services.AddPooledDbContextFactory<GovernanceDbContext>(options => Configure(options, settings));
        services.AddSingleton<IWriteLocks>(settings.Provider == StorageProvider.PostgreSql
            ? new PostgresWriteLocks()
            : new SqliteWriteLocks(settings.ConnectionString));
        services.AddSingleton<IRegistryStore, EfRegistryStore>();
        services.AddSingleton<ILineageStore, EfLineageStore>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService<MigrationHostedService>();
        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton(registryOptions);
        services.AddSingleton<ISchemaRegistry, SchemaRegistry>();
        return services;
    }

    /// <summary>The provider and connection string configuration names; for SQLite, creates the database's folder.</summary>
    public static StorageSettings ReadSettings(IConfiguration configuration)
    {
        var providerName = configuration["Governance:Storage:Provider"];
        var provider = providerName?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => StorageProvider.Sqlite,
            "POSTGRESQL" or "POSTGRES" or "NPGSQL" => StorageProvider.PostgreSql,
            _ => throw new InvalidOperationException(
                $"Governance:Storage:Provider is '{providerName}'; use 'sqlite' (the default) or 'postgresql'."),
        };
        var connectionString = configuration.GetConnectionString("Governance");
        if (provider == StorageProvider.PostgreSql)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException("Governance:Storage:Provider is 'postgresql' but ConnectionStrings:Governance is not set.")
                : new StorageSettings(provider, connectionString);
        }

        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DefaultSqliteFile}" : connectionString);
        if (sqlite.DataSource is { Length: > 0 } file && file != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        // Writers of other processes wait for the file's write lock instead of failing at once.
        if (sqlite.DefaultTimeout < 60)
        {
            sqlite.DefaultTimeout = 60;
        }

        return new StorageSettings(provider, sqlite.ToString());
    }

    /// <summary>Points EF Core at the configured database (also used by tests that build a context by hand).</summary>
    public static void Configure(DbContextOptionsBuilder options, StorageSettings settings)
    {
        if (settings.Provider == StorageProvider.PostgreSql)
        {
            options.UseNpgsql(settings.ConnectionString);
        }
        else
        {
            options.UseSqlite(settings.ConnectionString);
        }
    }
}
