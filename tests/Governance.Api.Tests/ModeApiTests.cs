using Governance.Api.Tests.Support;

namespace Governance.Api.Tests;

/// <summary>
/// <c>/mode</c>: READWRITE by default, READONLY refuses writes with 42205, IMPORT takes ids and versions from the client.
/// These tests change the global mode, so they have a server of their own and put it back after each test.
/// </summary>
public abstract class ModeApiTests(RegistryServerFixture server) : IAsyncLifetime
{
    private RegistryClient Client => server.Client;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        (await Client.PutAsync("/mode", new { mode = "READWRITE" })).ShouldBeOk();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_global_mode_defaults_to_readwrite()
    {
        (await Client.GetAsync("/mode")).Json["mode"]!.GetValue<string>().ShouldBe("READWRITE");
    }

    [Fact]
    public async Task Readonly_refuses_registrations_with_42205_but_serves_reads()
    {
        var subject = TestSchemas.Subject();
        var id = await Client.RegisterAsync(subject, TestSchemas.Record());

        var put = await Client.PutAsync("/mode", new { mode = "READONLY" });
        put.ShouldBeOk();
        put.Json["mode"]!.GetValue<string>().ShouldBe("READONLY");

        (await Client.PostAsync($"/subjects/{subject}/versions", new { schema = TestSchemas.RecordWithOptionalField() })).ShouldBeError(422, 42205);
        (await Client.GetAsync($"/schemas/ids/{id}")).ShouldBeOk();
    }

    [Fact]
    public async Task A_subject_mode_overrides_the_global_one_and_can_be_removed()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());

        (await Client.GetAsync($"/mode/{subject}")).ShouldBeError(404, 40409);
        (await Client.GetAsync($"/mode/{subject}?defaultToGlobal=true")).Json["mode"]!.GetValue<string>().ShouldBe("READWRITE");

        (await Client.PutAsync($"/mode/{subject}", new { mode = "READONLY" })).ShouldBeOk();
        (await Client.PostAsync($"/subjects/{subject}/versions", new { schema = TestSchemas.RecordWithOptionalField() })).ShouldBeError(422, 42205);
        (await Client.RegisterAsync(TestSchemas.Subject(), TestSchemas.Record())).ShouldBeGreaterThan(0);

        var deleted = await Client.DeleteAsync($"/mode/{subject}");
        deleted.Json["mode"]!.GetValue<string>().ShouldBe("READONLY");
        (await Client.GetAsync($"/mode/{subject}")).ShouldBeError(404, 40409);
        await Client.RegisterAsync(subject, TestSchemas.RecordWithOptionalField());
    }

    [Theory]
    [InlineData("""{"mode":"SOMETIMES"}""")]
    [InlineData("""{"mode":null}""")]
    [InlineData("""{}""")]
    public async Task An_unknown_mode_answers_42204(string body)
    {
        (await Client.PutAsync("/mode", body)).ShouldBeError(422, 42204);
    }

    [Fact]
    public async Task Import_mode_registers_with_the_given_id_and_version()
    {
        var subject = TestSchemas.Subject("import");
        (await Client.PutAsync($"/mode/{subject}?force=true", new { mode = "IMPORT" })).ShouldBeOk();
        const int importedId = 5000;

        var answer = await Client.PostAsync($"/subjects/{subject}/versions", new { schema = TestSchemas.Record("Imported"), id = importedId, version = 3 });

        answer.ShouldBeOk();
        answer.Json["id"]!.GetValue<int>().ShouldBe(importedId);
        (await Client.GetAsync($"/subjects/{subject}/versions/3")).Json["id"]!.GetValue<int>().ShouldBe(importedId);
        (await Client.DeleteAsync($"/mode/{subject}")).ShouldBeOk();

        var next = await Client.RegisterAsync(TestSchemas.Subject(), TestSchemas.Record("AfterImport"));
        next.ShouldNotBe(importedId);
    }
}

public sealed class ModeApiOnSqlite(SqliteRegistryServer server) : ModeApiTests(server), IClassFixture<SqliteRegistryServer>;

public sealed class ModeApiOnPostgres(PostgresRegistryServer server) : ModeApiTests(server), IClassFixture<PostgresRegistryServer>;
