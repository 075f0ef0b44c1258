using Governance.Api.Tests.Support;

namespace Governance.Api.Tests;

/// <summary><c>/compatibility/subjects/{subject}/versions[/{version}]</c>, plain and verbose, and the semantic diff.</summary>
public abstract class CompatibilityApiTests(RegistryServerFixture server)
{
    private RegistryClient Client => server.Client;

    [Fact]
    public async Task Tests_a_schema_against_one_version()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());

        var compatible = await Client.PostAsync($"/compatibility/subjects/{subject}/versions/latest", new { schema = TestSchemas.RecordWithOptionalField() });
        compatible.ShouldBeOk();
        compatible.Json["is_compatible"]!.GetValue<bool>().ShouldBeTrue();
        compatible.Json.AsObject().ContainsKey("messages").ShouldBeFalse();

        var incompatible = await Client.PostAsync($"/compatibility/subjects/{subject}/versions/1", new { schema = TestSchemas.RecordWithRequiredField() });
        incompatible.Json["is_compatible"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Verbose_answers_say_why()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());

        var answer = await Client.PostAsync($"/compatibility/subjects/{subject}/versions/1?verbose=true", new { schema = TestSchemas.RecordWithRequiredField() });

        answer.Json["is_compatible"]!.GetValue<bool>().ShouldBeFalse();
        var messages = answer.Json["messages"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        messages.ShouldNotBeEmpty();
        messages.ShouldContain(m => m.Contains("customer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tests_against_every_version_the_level_compares_with()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());
        await Client.RegisterAsync(subject, TestSchemas.RecordWithOptionalField());

        var answer = await Client.PostAsync($"/compatibility/subjects/{subject}/versions?verbose=true", new { schema = TestSchemas.RecordWithRequiredField() });

        answer.ShouldBeOk();
        answer.Json["is_compatible"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Refuses_bad_versions_unknown_subjects_and_invalid_schemas()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());

        (await Client.PostAsync($"/compatibility/subjects/{subject}/versions/zero", new { schema = TestSchemas.Record() })).ShouldBeError(422, 42202);
        (await Client.PostAsync($"/compatibility/subjects/{subject}/versions/9", new { schema = TestSchemas.Record() })).ShouldBeError(404, 40402);
        (await Client.PostAsync($"/compatibility/subjects/{TestSchemas.Subject()}/versions/1", new { schema = TestSchemas.Record() })).ShouldBeError(404, 40401);
        (await Client.PostAsync($"/compatibility/subjects/{subject}/versions/1", new { schema = "{\"type\":" })).ShouldBeError(422, 42201);
    }

    [Fact]
    public async Task The_diff_lists_every_change_between_two_versions()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());
        await Client.RegisterAsync(subject, TestSchemas.RecordWithOptionalField());

        var answer = await Client.GetAsync($"/v1/subjects/{subject}/diff?from=1&to=2");

        answer.ShouldBeOk();
        answer.Json["fromVersion"]!.GetValue<int>().ShouldBe(1);
        answer.Json["toVersion"]!.GetValue<int>().ShouldBe(2);
        var changes = answer.Json["changes"]!.AsArray();
        changes.ShouldNotBeEmpty();
        changes.ShouldContain(c => c!["path"]!.GetValue<string>().Contains("note", StringComparison.Ordinal) || c["description"]!.GetValue<string>().Contains("note", StringComparison.Ordinal));
        changes.ShouldAllBe(c => !c!["breaksBackward"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_diff_needs_a_from_version()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());

        (await Client.GetAsync($"/v1/subjects/{subject}/diff")).ShouldBeError(422, 42202).ShouldContain("from");
        (await Client.GetAsync($"/v1/subjects/{TestSchemas.Subject()}/diff?from=1")).ShouldBeError(404, 40401);
    }
}

public sealed class CompatibilityApiOnSqlite(SqliteRegistryServer server) : CompatibilityApiTests(server), IClassFixture<SqliteRegistryServer>;

public sealed class CompatibilityApiOnPostgres(PostgresRegistryServer server) : CompatibilityApiTests(server), IClassFixture<PostgresRegistryServer>;
