using Governance.Api.Tests.Support;

namespace Governance.Api.Tests;

/// <summary><c>/subjects</c>: list, look up a schema under a subject, soft and permanent delete, encoded slashes.</summary>
public abstract class SubjectsApiTests(RegistryServerFixture server)
{
    private RegistryClient Client => server.Client;

    [Fact]
    public async Task Lists_subjects_by_prefix_and_by_deletion()
    {
        var prefix = TestSchemas.Subject("listing");
        await Client.RegisterAsync($"{prefix}-a", TestSchemas.Record());
        await Client.RegisterAsync($"{prefix}-b", TestSchemas.Record());
        (await Client.DeleteAsync($"/subjects/{prefix}-b")).ShouldBeOk();

        var live = await Client.GetAsync($"/subjects?subjectPrefix={prefix}");
        Names(live).ShouldBe([$"{prefix}-a"]);

        var withDeleted = await Client.GetAsync($"/subjects?subjectPrefix={prefix}&deleted=true");
        Names(withDeleted).ShouldBe([$"{prefix}-a", $"{prefix}-b"], ignoreOrder: true);

        var deletedOnly = await Client.GetAsync($"/subjects?subjectPrefix={prefix}&deletedOnly=true");
        Names(deletedOnly).ShouldBe([$"{prefix}-b"]);
    }

    [Fact]
    public async Task Looks_up_a_registered_schema_under_its_subject()
    {
        var subject = TestSchemas.Subject();
        var id = await Client.RegisterAsync(subject, TestSchemas.Record());

        var answer = await Client.PostAsync($"/subjects/{subject}", new { schema = TestSchemas.Record() });

        answer.ShouldBeOk();
        answer.Json["subject"]!.GetValue<string>().ShouldBe(subject);
        answer.Json["id"]!.GetValue<int>().ShouldBe(id);
        answer.Json["version"]!.GetValue<int>().ShouldBe(1);
        answer.Json["schema"]!.GetValue<string>().ShouldContain("\"name\":\"Order\"");
    }

    [Fact]
    public async Task Look_up_with_normalize_finds_an_equivalent_schema_written_differently()
    {
        var subject = TestSchemas.Subject();
        var id = await Client.RegisterAsync(subject, TestSchemas.Record());
        const string reordered = """{"fields":[{"type":"int","name":"id"}],"namespace":"com.example","name":"Order","type":"record"}""";

        var answer = await Client.PostAsync($"/subjects/{subject}?normalize=true", new { schema = reordered });

        answer.ShouldBeOk();
        answer.Json["id"]!.GetValue<int>().ShouldBe(id);
    }

    [Fact]
    public async Task Look_up_answers_40401_for_an_unknown_subject_and_40403_for_an_unknown_schema()
    {
        var subject = TestSchemas.Subject();
        (await Client.PostAsync($"/subjects/{subject}", new { schema = TestSchemas.Record() })).ShouldBeError(404, 40401);

        await Client.RegisterAsync(subject, TestSchemas.Record());
        (await Client.PostAsync($"/subjects/{subject}", new { schema = TestSchemas.Record("Other") })).ShouldBeError(404, 40403);
    }

    [Fact]
    public async Task Look_up_with_deleted_finds_a_soft_deleted_version()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());
        (await Client.DeleteAsync($"/subjects/{subject}/versions/1")).ShouldBeOk();
        await Client.RegisterAsync(subject, TestSchemas.RecordWithOptionalField());

        (await Client.PostAsync($"/subjects/{subject}", new { schema = TestSchemas.Record() })).Status.ShouldBe(System.Net.HttpStatusCode.NotFound);
        var answer = await Client.PostAsync($"/subjects/{subject}?deleted=true", new { schema = TestSchemas.Record() });

        answer.ShouldBeOk();
        answer.Json["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Deletes_a_subject_softly_then_permanently()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());
        await Client.RegisterAsync(subject, TestSchemas.RecordWithOptionalField());

        (await Client.DeleteAsync($"/subjects/{subject}?permanent=true")).ShouldBeError(404, 40405);

        var soft = await Client.DeleteAsync($"/subjects/{subject}");
        soft.ShouldBeOk();
        soft.Json.AsArray().Select(v => v!.GetValue<int>()).ShouldBe([1, 2]);
        (await Client.GetAsync($"/subjects/{subject}/versions")).ShouldBeError(404, 40401);
        (await Client.GetAsync($"/subjects/{subject}/versions?deleted=true")).ShouldBeOk();
        (await Client.DeleteAsync($"/subjects/{subject}")).ShouldBeError(404, 40404);

        var permanent = await Client.DeleteAsync($"/subjects/{subject}?permanent=true");
        permanent.ShouldBeOk();
        permanent.Json.AsArray().Select(v => v!.GetValue<int>()).ShouldBe([1, 2]);
        (await Client.GetAsync($"/subjects/{subject}/versions?deleted=true")).ShouldBeError(404, 40401);
    }

    [Fact]
    public async Task Deleting_an_unknown_subject_answers_40401()
    {
        (await Client.DeleteAsync($"/subjects/{TestSchemas.Subject()}")).ShouldBeError(404, 40401);
    }

    [Fact]
    public async Task Subject_names_with_url_encoded_slashes_work_on_every_subject_path()
    {
        var subject = $"team/{TestSchemas.Subject()}/value";
        var encoded = Uri.EscapeDataString(subject);
        encoded.ShouldContain("%2F");

        var id = await Client.RegisterAsync(subject, TestSchemas.Record());
        Names(await Client.GetAsync("/subjects?subjectPrefix=team%2F")).ShouldContain(subject);
        (await Client.GetAsync($"/subjects/{encoded}/versions")).Json.AsArray().Count.ShouldBe(1);
        (await Client.GetAsync($"/subjects/{encoded}/versions/latest")).Json["subject"]!.GetValue<string>().ShouldBe(subject);
        (await Client.GetAsync($"/subjects/{encoded}/versions/1/schema")).ShouldBeOk();
        (await Client.GetAsync($"/subjects/{encoded}/versions/1/referencedby")).ShouldBeOk();
        (await Client.PostAsync($"/subjects/{encoded}", new { schema = TestSchemas.Record() })).Json["id"]!.GetValue<int>().ShouldBe(id);
        (await Client.PostAsync($"/compatibility/subjects/{encoded}/versions/latest", new { schema = TestSchemas.RecordWithOptionalField() })).Json["is_compatible"]!.GetValue<bool>().ShouldBeTrue();
        (await Client.PutAsync($"/config/{encoded}", new { compatibility = "FULL" })).ShouldBeOk();
        (await Client.GetAsync($"/config/{encoded}")).Json["compatibilityLevel"]!.GetValue<string>().ShouldBe("FULL");
        (await Client.PutAsync($"/mode/{encoded}", new { mode = "READWRITE" })).ShouldBeOk();
        (await Client.GetAsync($"/mode/{encoded}")).Json["mode"]!.GetValue<string>().ShouldBe("READWRITE");
        (await Client.GetAsync($"/schemas/ids/{id}/subjects")).Json.AsArray().Select(s => s!.GetValue<string>()).ShouldContain(subject);
        (await Client.DeleteAsync($"/subjects/{encoded}")).ShouldBeOk();
        (await Client.DeleteAsync($"/subjects/{encoded}?permanent=true")).ShouldBeOk();
    }

    [Fact]
    public async Task Subject_names_with_lower_case_encoded_slashes_and_other_escapes_work_too()
    {
        var subject = $"a/b c:{Guid.NewGuid():N}";
        var encoded = Uri.EscapeDataString(subject).Replace("%2F", "%2f", StringComparison.Ordinal);

        var answer = await Client.PostAsync($"/subjects/{encoded}/versions", new { schema = TestSchemas.Record() });

        answer.ShouldBeOk();
        Names(await Client.GetAsync("/subjects?subjectPrefix=a%2Fb")).ShouldContain(subject);
    }

    private static string[] Names(RegistryAnswer answer)
    {
        answer.ShouldBeOk();
        return [.. answer.Json.AsArray().Select(s => s!.GetValue<string>())];
    }
}

public sealed class SubjectsApiOnSqlite(SqliteRegistryServer server) : SubjectsApiTests(server), IClassFixture<SqliteRegistryServer>;

public sealed class SubjectsApiOnPostgres(PostgresRegistryServer server) : SubjectsApiTests(server), IClassFixture<PostgresRegistryServer>;
