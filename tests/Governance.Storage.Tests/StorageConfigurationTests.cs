using Governance.Registry;
using Governance.Schemas;
using Governance.Storage.Migrations;
using Governance.Storage.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace Governance.Storage.Tests;

/// <summary>How the host's configuration selects and reaches the database.</summary>
public sealed class StorageConfigurationTests
{
    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    [Fact]
    public void Without_configuration_the_database_is_a_SQLite_file_under_data()
    {
        var settings = StorageServiceCollectionExtensions.ReadSettings(Configuration());

        settings.Provider.ShouldBe(StorageProvider.Sqlite);
        settings.ConnectionString.ShouldContain("Data Source=./data/governance.db");
        Directory.Exists("./data").ShouldBeTrue();
    }

    [Theory]
    [InlineData("postgresql")]
    [InlineData("PostgreSQL")]
    public void PostgreSQL_is_chosen_by_name_and_needs_a_connection_string(string provider)
    {
        var settings = StorageServiceCollectionExtensions.ReadSettings(Configuration(
            ("Governance:Storage:Provider", provider), ("ConnectionStrings:Governance", "Host=db;Username=governance")));
        var missing = Should.Throw<InvalidOperationException>(
            () => StorageServiceCollectionExtensions.ReadSettings(Configuration(("Governance:Storage:Provider", provider))));

        settings.ShouldBe(new StorageSettings(StorageProvider.PostgreSql, "Host=db;Username=governance"));
        missing.Message.ShouldBe("Governance:Storage:Provider is 'postgresql' but ConnectionStrings:Governance is not set.");
    }

    [Fact]
    public void An_unknown_provider_is_named_in_the_error()
    {
        var error = Should.Throw<InvalidOperationException>(
            () => StorageServiceCollectionExtensions.ReadSettings(Configuration(("Governance:Storage:Provider", "oracle"))));

        error.Message.ShouldBe("Governance:Storage:Provider is 'oracle'; use 'sqlite' (the default) or 'postgresql'.");
    }

    [Fact]
    public async Task The_host_composition_serves_the_registry_from_configuration()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("governance-config-tests-").FullName, "nested", "registry.db");
        var configuration = Configuration(
            ("ConnectionStrings:Governance", $"Data Source={file}"),
            ("Governance:Registry:MaxSchemaLength", "100"),
            ("Governance:Registry:IdLookupCacheDuration", "00:00:05"));
        await using var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new SchemaFormats([new FieldsFormat()]))
            .AddGovernanceStorage(configuration)
            .BuildServiceProvider();

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        var registry = services.GetRequiredService<ISchemaRegistry>();
        var options = services.GetRequiredService<RegistryOptions>();

        File.Exists(file).ShouldBeTrue();
        options.MaxSchemaLength.ShouldBe(100);
        options.IdLookupCacheDuration.ShouldBe(TimeSpan.FromSeconds(5));
        (await registry.RegisterAsync("s", Submissions.Fields("a:int"), normalize: false, TestContext.Current.CancellationToken)).Version.ShouldBe(1);
    }
}
