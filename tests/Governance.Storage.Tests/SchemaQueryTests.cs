using Governance.Registry;
using Governance.Storage.Tests.Support;
using Governance.TestSupport;
using Shouldly;
using static Governance.Storage.Tests.Support.Submissions;

namespace Governance.Storage.Tests;

/// <summary>The schema listings: GET /schemas and the subjects and versions of an id.</summary>
public sealed class SchemaQueryTests(PostgresServer postgres) : RegistryTests(postgres)
{
    [Theory]
    [BothDatabases]
    public async Task Schemas_are_listed_by_prefix_with_deleted_and_latest_only_filters(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.RegisterAsync("orders-value", Fields("a:int"), normalize: false, Ct);
        await registry.RegisterAsync("orders-value", Fields("a:int", "b:int?"), normalize: false, Ct);
        await registry.RegisterAsync("orders-key", Fields("k:int"), normalize: false, Ct);
        await registry.RegisterAsync("payments-value", Fields("a:int"), normalize: false, Ct);
        await registry.DeleteVersionAsync("orders-value", new VersionSpec(2), permanent: false, Ct);

        static IEnumerable<string> Names(IReadOnlyList<SubjectVersion> versions) => versions.Select(v => $"{v.Subject}/{v.Version}");

        Names(await registry.ListSchemasAsync(null, deleted: false, latestOnly: false, Ct))
            .ShouldBe(["orders-key/1", "orders-value/1", "payments-value/1"]);
        Names(await registry.ListSchemasAsync("orders", deleted: true, latestOnly: false, Ct))
            .ShouldBe(["orders-key/1", "orders-value/1", "orders-value/2"]);
        Names(await registry.ListSchemasAsync("orders", deleted: true, latestOnly: true, Ct))
            .ShouldBe(["orders-key/1", "orders-value/2"]);
        Names(await registry.ListSchemasAsync("orders-v", deleted: false, latestOnly: true, Ct)).ShouldBe(["orders-value/1"]);
        Names(await registry.ListSchemasAsync("ORDERS", deleted: false, latestOnly: false, Ct)).ShouldBeEmpty();
    }

    [Theory]
    [BothDatabases]
    public async Task An_id_lists_its_subjects_and_versions(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.SetConfigAsync(null, new RegistryConfig(CompatibilityLevel.None), Ct);
        var shared = await registry.RegisterAsync("x", Fields("a:int"), normalize: false, Ct);
        await registry.RegisterAsync("y", Fields("b:int"), normalize: false, Ct);
        await registry.RegisterAsync("y", Fields("a:int"), normalize: false, Ct);
        await registry.DeleteVersionAsync("x", new VersionSpec(1), permanent: false, Ct);

        (await registry.GetSubjectsForIdAsync(shared.Schema.Id, null, deleted: false, Ct)).ShouldBe(["y"]);
        (await registry.GetSubjectsForIdAsync(shared.Schema.Id, null, deleted: true, Ct)).ShouldBe(["x", "y"]);
        (await registry.GetVersionsForIdAsync(shared.Schema.Id, null, deleted: true, Ct)).ShouldBe([("x", 1), ("y", 2)]);
        (await registry.GetSchemaByIdAsync(shared.Schema.Id, "y", Ct)).Schema.ShouldBe("{\"fields\":{\"a\":\"int\"}}");
        var missing = await Should.ThrowAsync<RegistryException>(() => registry.GetSubjectsForIdAsync(999, null, deleted: true, Ct));
        missing.ErrorCode.ShouldBe(RegistryErrorCode.SchemaNotFound);
        missing.Message.ShouldBe("Schema 999 not found");
        registry.SchemaTypes.ShouldBe(["AVRO", "FIELDS"]);
    }
}
