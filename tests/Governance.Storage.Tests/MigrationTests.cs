using Governance.Storage.Migrations;
using Governance.Storage.Tests.Support;
using Governance.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Governance.Storage.Tests;

/// <summary>The hand-written migrations: they build exactly the EF Core model, apply once, and tolerate concurrent starts.</summary>
public sealed class MigrationTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothDatabases]
    public async Task A_migrated_database_matches_the_EF_Core_model(string provider)
    {
        var migrated = await RegistryHost.CreateDatabaseAsync(provider, postgres);
        var created = await RegistryHost.CreateDatabaseAsync(provider, postgres);
        await using (var host = await RegistryHost.StartAsync(migrated))
        {
            await using var db = DatabaseSchema.CreateContext(created);
            (await db.Database.EnsureCreatedAsync(Ct)).ShouldBeTrue();
        }

        var fromMigrations = await DatabaseSchema.DescribeAsync(migrated, Ct);
        var fromModel = await DatabaseSchema.DescribeAsync(created, Ct);

        fromMigrations.ShouldNotBeEmpty();
        fromMigrations.ShouldContain(line => line.Contains("subject_versions", StringComparison.Ordinal));
        string.Join("\n", fromMigrations).ShouldBe(string.Join("\n", fromModel));
    }

    [Theory]
    [BothDatabases]
    public async Task Migrations_apply_once(string provider)
    {
        var settings = await RegistryHost.CreateDatabaseAsync(provider, postgres);
        await using var host = await RegistryHost.StartAsync(settings);
        var migrator = host.Services.GetRequiredService<DatabaseMigrator>();

        var again = await migrator.MigrateAsync(Ct);

        migrator.Scripts.Select(s => s.Name).ShouldContain("0001_registry.sql");
        again.ShouldBeEmpty();
        (await History(settings)).ShouldBe(migrator.Scripts.Select(s => s.Name).ToList());
    }

    [Theory]
    [BothDatabases]
    public async Task Two_processes_starting_at_once_apply_each_migration_once(string provider)
    {
        var settings = await RegistryHost.CreateDatabaseAsync(provider, postgres);

        // Four hosts, each with its own service provider and connection pool, migrate the same empty database at once.
        var hosts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RegistryHost.StartAsync(settings), Ct)));
        try
        {
            var scripts = hosts[0].Services.GetRequiredService<DatabaseMigrator>().Scripts.Select(s => s.Name).ToList();
            (await History(settings)).ShouldBe(scripts);
            (await hosts[1].Registry.RegisterAsync("after", Submissions.Fields("a:int"), normalize: false, Ct)).Version.ShouldBe(1);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Theory]
    [BothDatabases]
    public async Task Readiness_reports_whether_the_database_answers(string provider)
    {
        await using var host = await RegistryHost.StartAsync(provider, postgres);
        (await host.Services.GetRequiredService<DatabaseReadiness>().CheckAsync(Ct)).ShouldBeNull();

        var unmigrated = await RegistryHost.CreateDatabaseAsync(provider, postgres);
        await using var services = new ServiceCollection()
            .AddGovernanceStorage(unmigrated, new Governance.Registry.RegistryOptions())
            .BuildServiceProvider();
        (await services.GetRequiredService<DatabaseReadiness>().CheckAsync(Ct)).ShouldStartWith("database not ready: ");
    }

    private static async Task<List<string>> History(StorageSettings settings)
    {
        await using var db = DatabaseSchema.CreateContext(settings);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM governance_migrations ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var names = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
