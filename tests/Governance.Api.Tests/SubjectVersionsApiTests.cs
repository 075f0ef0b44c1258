using Governance.Api.Tests.Support;

namespace Governance.Api.Tests;

/// <summary><c>/subjects/{subject}/versions</c>: register, read by number, <c>latest</c> and <c>-1</c>, delete, references.</summary>
public abstract class SubjectVersionsApiTests(RegistryServerFixture server)
{
    private RegistryClient Client => server.Client;

    [Fact]
    public async Task Registering_the_same_schema_again_returns_its_id_and_version()
    {
        var subject = TestSchemas.Subject();

        var first = await Client.PostAsync($"/subjects/{subject}/versions", new { schema = TestSchemas.Record() });
        var again = await Client.PostAsync($"/subjects/{subject}/versions", new { schema = TestSchemas.Record() });

        first.ShouldBeOk();
        again.Json["id"]!.GetValue<int>().ShouldBe(first.Json["id"]!.GetValue<int>());
        again.Json["version"]!.GetValue<int>().ShouldBe(1);
        (await Client.GetAsync($"/subjects/{subject}/versions")).Json.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_schema_under_another_subject_gets_the_same_id()
    {
        var id = await Client.RegisterAsync(TestSchemas.Subject(), TestSchemas.Record("Shared"));
        var other = await Client.RegisterAsync(TestSchemas.Subject(), TestSchemas.Record("Shared"));

        other.ShouldBe(id);
    }

    [Fact]
    public async Task Registering_with_normalize_gives_equivalent_schemas_one_id()
    {
        var subject = TestSchemas.Subject();
        var id = await Client.RegisterAsync(subject, TestSchemas.Record("Normal"));
        const string reordered = """{"namespace":"com.example","fields":[{"name":"id","type":{"type":"int"}}],"type":"record","name":"Normal"}""";

        var answer = await Client.PostAsync($"/subjects/{subject}/versions?normalize=true", new { schema = reordered });

        answer.ShouldBeOk();
        answer.Json["id"]!.GetValue<int>().ShouldBe(id);
    }

    [Fact]
    public async Task Reads_versions_by_number_latest_and_minus_one()
    {
        var subject = TestSchemas.Subject();
        var first = await Client.RegisterAsync(subject, TestSchemas.Record());
        var second = await Client.RegisterAsync(subject, TestSchemas.RecordWithOptionalField());

        var one = await Client.GetAsync($"/subjects/{subject}/versions/1");
        one.ShouldBeOk();
        one.Json["subject"]!.GetValue<string>().ShouldBe(subject);
        one.Json["version"]!.GetValue<int>().ShouldBe(1);
        one.Json["id"]!.GetValue<int>().ShouldBe(first);
        one.Json.AsObject().ContainsKey("schemaType").ShouldBeFalse();

        foreach (var latest in (string[])["latest", "-1", "LATEST"])
        {
            var answer = await Client.GetAsync($"/subjects/{subject}/versions/{latest}");
            answer.ShouldBeOk();
            answer.Json["version"]!.GetValue<int>().ShouldBe(2);
            answer.Json["id"]!.GetValue<int>().ShouldBe(second);
        }

        (await Client.GetAsync($"/subjects/{subject}/versions")).Json.AsArray().Select(v => v!.GetValue<int>()).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task Reads_the_schema_text_alone()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());

        var answer = await Client.GetAsync($"/subjects/{subject}/versions/1/schema");

        answer.ShouldBeOk();
        answer.Json["type"]!.GetValue<string>().ShouldBe("record");
        answer.Json["name"]!.GetValue<string>().ShouldBe("Order");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("one")]
    [InlineData("2147483648")]
    public async Task Invalid_version_ids_answer_42202(string version)
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());

        (await Client.GetAsync($"/subjects/{subject}/versions/{version}")).ShouldBeError(422, 42202);
        (await Client.DeleteAsync($"/subjects/{subject}/versions/{version}")).ShouldBeError(422, 42202);
    }

    [Fact]
    public async Task Unknown_subjects_and_versions_answer_40401_and_40402()
    {
        var subject = TestSchemas.Subject();
        (await Client.GetAsync($"/subjects/{subject}/versions/1")).ShouldBeError(404, 40401);
        (await Client.GetAsync($"/subjects/{subject}/versions")).ShouldBeError(404, 40401);

        await Client.RegisterAsync(subject, TestSchemas.Record());
        (await Client.GetAsync($"/subjects/{subject}/versions/7")).ShouldBeError(404, 40402);
    }

    [Fact]
    public async Task An_invalid_schema_answers_42201_naming_the_problem()
    {
        var answer = await Client.PostAsync($"/subjects/{TestSchemas.Subject()}/versions", new { schema = """{"type":"record","name":"R","fields":[{"name":"a","type":"no_such_type"}]}""" });

        answer.ShouldBeError(422, 42201).ShouldContain("no_such_type");
    }

    [Theory]
    [InlineData("JSON", """{"type":"object","properties":{"id":{"type":"integer"}}}""")]
    [InlineData("PROTOBUF", "syntax = \"proto3\";\npackage com.example;\nmessage Order { int32 id = 1; }\n")]
    public async Task Other_schema_types_are_named_in_every_answer(string schemaType, string schema)
    {
        var subject = TestSchemas.Subject();

        var registered = await Client.PostAsync($"/subjects/{subject}/versions", new { schema, schemaType });

        registered.ShouldBeOk();
        var id = registered.Json["id"]!.GetValue<int>();
        (await Client.GetAsync($"/subjects/{subject}/versions/1")).Json["schemaType"]!.GetValue<string>().ShouldBe(schemaType);
        (await Client.GetAsync($"/schemas/ids/{id}")).Json["schemaType"]!.GetValue<string>().ShouldBe(schemaType);
        (await Client.PostAsync($"/subjects/{subject}", new { schema, schemaType })).Json["schemaType"]!.GetValue<string>().ShouldBe(schemaType);
        var text = await Client.GetAsync($"/subjects/{subject}/versions/1/schema");
        text.ShouldBeOk();
        text.Text.ShouldContain("id");
    }

    [Fact]
    public async Task An_unknown_schema_type_answers_42201()
    {
        var answer = await Client.PostAsync($"/subjects/{TestSchemas.Subject()}/versions", new { schema = "{}", schemaType = "XML" });

        answer.ShouldBeError(422, 42201);
    }

    [Fact]
    public async Task An_incompatible_schema_answers_409_with_40901()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());

        var answer = await Client.PostAsync($"/subjects/{subject}/versions", new { schema = TestSchemas.RecordWithRequiredField() });

        answer.ShouldBeError(409, 40901).ShouldContain("customer");
        (await Client.GetAsync($"/subjects/{subject}/versions")).Json.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Deletes_a_version_softly_then_permanently()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());
        await Client.RegisterAsync(subject, TestSchemas.RecordWithOptionalField());

        (await Client.DeleteAsync($"/subjects/{subject}/versions/2?permanent=true")).ShouldBeError(404, 40407);
        var soft = await Client.DeleteAsync($"/subjects/{subject}/versions/2");
        soft.ShouldBeOk();
        soft.Json.GetValue<int>().ShouldBe(2);

        (await Client.GetAsync($"/subjects/{subject}/versions/2")).ShouldBeError(404, 40402);
        var deleted = await Client.GetAsync($"/subjects/{subject}/versions/2?deleted=true");
        deleted.ShouldBeOk();
        (await Client.GetAsync($"/subjects/{subject}/versions")).Json.AsArray().Select(v => v!.GetValue<int>()).ShouldBe([1]);
        (await Client.GetAsync($"/subjects/{subject}/versions?deleted=true")).Json.AsArray().Select(v => v!.GetValue<int>()).ShouldBe([1, 2]);
        (await Client.GetAsync($"/subjects/{subject}/versions?deletedOnly=true")).Json.AsArray().Select(v => v!.GetValue<int>()).ShouldBe([2]);
        (await Client.DeleteAsync($"/subjects/{subject}/versions/2")).ShouldBeError(404, 40406);

        (await Client.DeleteAsync($"/subjects/{subject}/versions/2?permanent=true")).Json.GetValue<int>().ShouldBe(2);
        (await Client.GetAsync($"/subjects/{subject}/versions/2?deleted=true")).ShouldBeError(404, 40402);
    }

    [Fact]
    public async Task References_are_returned_listed_as_referencedby_and_protect_the_referenced_version()
    {
        var addressSubject = TestSchemas.Subject("address");
        await Client.RegisterAsync(addressSubject, """{"type":"record","name":"Address","namespace":"com.example","fields":[{"name":"city","type":"string"}]}""");
        var references = new[] { new { name = "com.example.Address", subject = addressSubject, version = 1 } };
        const string customer = """{"type":"record","name":"Customer","namespace":"com.example","fields":[{"name":"address","type":"com.example.Address"}]}""";
        var customerSubject = TestSchemas.Subject("customer");

        var customerId = await Client.RegisterAsync(customerSubject, customer, references);

        var stored = await Client.GetAsync($"/subjects/{customerSubject}/versions/1");
        stored.Json["references"]![0]!["name"]!.GetValue<string>().ShouldBe("com.example.Address");
        stored.Json["references"]![0]!["subject"]!.GetValue<string>().ShouldBe(addressSubject);
        stored.Json["references"]![0]!["version"]!.GetValue<int>().ShouldBe(1);
        var byId = await Client.GetAsync($"/schemas/ids/{customerId}");
        byId.Json["references"]!.AsArray().Count.ShouldBe(1);

        var referencedBy = await Client.GetAsync($"/subjects/{addressSubject}/versions/1/referencedby");
        referencedBy.Json.AsArray().Select(i => i!.GetValue<int>()).ShouldBe([customerId]);

        (await Client.DeleteAsync($"/subjects/{addressSubject}/versions/1")).ShouldBeError(422, 42206);
    }

    [Fact]
    public async Task A_reference_to_a_missing_version_is_refused()
    {
        var references = new[] { new { name = "com.example.Nowhere", subject = TestSchemas.Subject("missing"), version = 1 } };
        const string schema = """{"type":"record","name":"R","fields":[{"name":"n","type":"com.example.Nowhere"}]}""";

        var answer = await Client.PostAsync($"/subjects/{TestSchemas.Subject()}/versions", new { schema, references });

        ((int)answer.Status).ShouldBeOneOf(404, 422);
        answer.Json["error_code"]!.GetValue<int>().ShouldBeOneOf(40401, 40402, 42201);
    }
}

public sealed class SubjectVersionsApiOnSqlite(SqliteRegistryServer server) : SubjectVersionsApiTests(server), IClassFixture<SqliteRegistryServer>;

public sealed class SubjectVersionsApiOnPostgres(PostgresRegistryServer server) : SubjectVersionsApiTests(server), IClassFixture<PostgresRegistryServer>;
