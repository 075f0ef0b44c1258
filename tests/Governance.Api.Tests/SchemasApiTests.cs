using Governance.Api.Tests.Support;

namespace Governance.Api.Tests;

/// <summary><c>/schemas</c>: schemas by global id, and the subjects and versions that hold an id.</summary>
public abstract class SchemasApiTests(RegistryServerFixture server)
{
    private RegistryClient Client => server.Client;

    [Fact]
    public async Task Reads_a_schema_by_id_with_its_text_alone_and_where_it_is_registered()
    {
        var first = TestSchemas.Subject();
        var second = TestSchemas.Subject();
        var id = await Client.RegisterAsync(first, TestSchemas.Record("ById"));
        await Client.RegisterAsync(second, TestSchemas.Record("ById"));

        var schema = await Client.GetAsync($"/schemas/ids/{id}");
        schema.ShouldBeOk();
        schema.Json["schema"]!.GetValue<string>().ShouldContain("\"ById\"");
        schema.Json.AsObject().ContainsKey("schemaType").ShouldBeFalse();

        var text = await Client.GetAsync($"/schemas/ids/{id}/schema");
        text.Json["name"]!.GetValue<string>().ShouldBe("ById");

        var subjects = await Client.GetAsync($"/schemas/ids/{id}/subjects");
        subjects.Json.AsArray().Select(s => s!.GetValue<string>()).ShouldBe([first, second], ignoreOrder: true);

        var versions = await Client.GetAsync($"/schemas/ids/{id}/versions");
        versions.Json.AsArray().Select(v => (v!["subject"]!.GetValue<string>(), v["version"]!.GetValue<int>()))
            .ShouldBe([(first, 1), (second, 1)], ignoreOrder: true);

        var forSubject = await Client.GetAsync($"/schemas/ids/{id}?subject={second}");
        forSubject.ShouldBeOk();
    }

    [Fact]
    public async Task Unknown_ids_answer_40403()
    {
        (await Client.GetAsync("/schemas/ids/987654")).ShouldBeError(404, 40403);
        (await Client.GetAsync("/schemas/ids/987654/schema")).ShouldBeError(404, 40403);
        (await Client.GetAsync("/schemas/ids/987654/subjects")).ShouldBeError(404, 40403);
        (await Client.GetAsync("/schemas/ids/987654/versions")).ShouldBeError(404, 40403);
    }

    [Fact]
    public async Task Lists_schemas_by_prefix_latest_only_and_deleted()
    {
        var prefix = TestSchemas.Subject("schemas");
        await Client.RegisterAsync($"{prefix}-a", TestSchemas.Record());
        await Client.RegisterAsync($"{prefix}-a", TestSchemas.RecordWithOptionalField());
        await Client.RegisterAsync($"{prefix}-b", TestSchemas.Record());
        (await Client.DeleteAsync($"/subjects/{prefix}-b")).ShouldBeOk();

        var all = await Client.GetAsync($"/schemas?subjectPrefix={prefix}");
        all.ShouldBeOk();
        Versions(all).ShouldBe([($"{prefix}-a", 1), ($"{prefix}-a", 2)], ignoreOrder: true);
        all.Json[0]!["schema"]!.GetValue<string>().ShouldNotBeNullOrEmpty();

        Versions(await Client.GetAsync($"/schemas?subjectPrefix={prefix}&latestOnly=true")).ShouldBe([($"{prefix}-a", 2)]);
        Versions(await Client.GetAsync($"/schemas?subjectPrefix={prefix}&deleted=true")).ShouldContain(($"{prefix}-b", 1));
    }

    private static (string, int)[] Versions(RegistryAnswer answer) =>
        [.. answer.Json.AsArray().Select(s => (s!["subject"]!.GetValue<string>(), s["version"]!.GetValue<int>()))];
}

public sealed class SchemasApiOnSqlite(SqliteRegistryServer server) : SchemasApiTests(server), IClassFixture<SqliteRegistryServer>;

public sealed class SchemasApiOnPostgres(PostgresRegistryServer server) : SchemasApiTests(server), IClassFixture<PostgresRegistryServer>;
