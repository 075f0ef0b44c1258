using System.Net;
using System.Text;
using Governance.Api.Tests.Support;

namespace Governance.Api.Tests;

/// <summary>
/// Media types and bodies as Confluent's REST layer handles them: negotiation over the three JSON types, request bodies
/// in any of them or octet-stream, unknown fields and explicit nulls accepted, malformed bodies 400, oversized 413.
/// </summary>
public abstract class ContentTypeTests(RegistryServerFixture server)
{
    private RegistryClient Client => server.Client;

    [Theory]
    [InlineData(null, "application/vnd.schemaregistry.v1+json")]
    [InlineData("*/*", "application/vnd.schemaregistry.v1+json")]
    [InlineData("application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry.v1+json")]
    [InlineData("application/vnd.schemaregistry+json", "application/vnd.schemaregistry+json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json; q=0.9, application/vnd.schemaregistry+json; q=0.1", "application/json")]
    [InlineData("application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5", "application/vnd.schemaregistry.v1+json")]
    public async Task Answers_in_the_negotiated_media_type(string? accept, string expected)
    {
        var answer = await Client.SendAsync(HttpMethod.Get, "/subjects", null, accept);

        answer.ShouldBeOk();
        answer.ContentType.ShouldBe(expected);
    }

    [Fact]
    public async Task An_accept_header_naming_none_of_ours_gets_406()
    {
        var answer = await Client.SendAsync(HttpMethod.Get, "/subjects", null, "text/html");

        answer.ShouldBeError(406, 406);
    }

    [Theory]
    [InlineData("application/vnd.schemaregistry.v1+json")]
    [InlineData("application/vnd.schemaregistry+json")]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/octet-stream")]
    public async Task Accepts_request_bodies_in_every_consumed_media_type(string contentType)
    {
        var subject = TestSchemas.Subject();
        var body = RegistryClient.Json(new { schema = TestSchemas.Record() }, contentType);

        var answer = await Client.SendAsync(HttpMethod.Post, $"/subjects/{subject}/versions", body);

        answer.ShouldBeOk();
        answer.Json["id"]!.GetValue<int>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Refuses_a_request_body_of_another_media_type_with_415()
    {
        var body = RegistryClient.Json(new { schema = TestSchemas.Record() }, "text/plain");

        var answer = await Client.SendAsync(HttpMethod.Post, $"/subjects/{TestSchemas.Subject()}/versions", body);

        answer.ShouldBeError(415, 415).ShouldContain("text/plain");
    }

    [Fact]
    public async Task Accepts_unknown_fields_and_the_explicit_nulls_the_dotnet_client_sends()
    {
        var subject = TestSchemas.Subject();
        var body = "{\"schema\":" + System.Text.Json.JsonSerializer.Serialize(TestSchemas.Record())
            + ""","schemaType":null,"references":null,"metadata":null,"ruleSet":null,"newFieldFromTheFuture":{"x":[1,2]}}""";

        var answer = await Client.PostAsync($"/subjects/{subject}/versions", body);

        answer.ShouldBeOk();
        var stored = await Client.GetAsync($"/subjects/{subject}/versions/1");
        stored.Json.AsObject().ContainsKey("metadata").ShouldBeFalse();
        stored.Json.AsObject().ContainsKey("schemaType").ShouldBeFalse("AVRO is left out, as Confluent does");
    }

    [Fact]
    public async Task Metadata_and_rule_set_are_stored_and_returned_as_given()
    {
        var subject = TestSchemas.Subject();
        const string metadata = """{"properties":{"owner":"team-a"},"tags":{"id":["PII"]}}""";
        const string ruleSet = """{"domainRules":[{"name":"check","kind":"CONDITION","mode":"WRITE","type":"CEL","expr":"message.id > 0"}]}""";
        var body = "{\"schema\":" + System.Text.Json.JsonSerializer.Serialize(TestSchemas.Record()) + ",\"metadata\":" + metadata + ",\"ruleSet\":" + ruleSet + "}";

        (await Client.PostAsync($"/subjects/{subject}/versions", body)).ShouldBeOk();

        var stored = await Client.GetAsync($"/subjects/{subject}/versions/latest");
        stored.Json["metadata"]!["properties"]!["owner"]!.GetValue<string>().ShouldBe("team-a");
        stored.Json["ruleSet"]!["domainRules"]![0]!["expr"]!.GetValue<string>().ShouldBe("message.id > 0");
    }

    [Theory]
    [InlineData("{\"schema\": ", "not valid JSON")]
    [InlineData("{bad json}", "not valid JSON")]
    [InlineData("", "empty")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("\"just a string\"", "must be a JSON object")]
    public async Task Malformed_bodies_get_400_with_error_code_400(string body, string expected)
    {
        var answer = await Client.SendAsync(HttpMethod.Post, $"/subjects/{TestSchemas.Subject()}/versions", RegistryClient.Json(body));

        answer.ShouldBeError(400, 400).ShouldContain(expected);
    }

    [Theory]
    [InlineData("{\"schema\": 42}", "'schema' must be a string")]
    [InlineData("{\"schema\": \"{}\", \"references\": {}}", "'references' must be an array")]
    [InlineData("{\"schema\": \"{}\", \"references\": [{\"name\": \"a\", \"subject\": \"b\", \"version\": \"one\"}]}", "'references[0].version' must be an integer")]
    [InlineData("{\"schema\": \"{}\", \"metadata\": \"owner\"}", "'metadata' must be an object")]
    [InlineData("{\"schema\": \"{}\", \"id\": 1.5}", "'id' must be a 32-bit integer")]
    public async Task Fields_of_the_wrong_type_get_400_naming_the_field(string body, string expected)
    {
        var answer = await Client.SendAsync(HttpMethod.Post, $"/subjects/{TestSchemas.Subject()}/versions", RegistryClient.Json(body));

        answer.ShouldBeError(400, 400).ShouldContain(expected);
    }

    [Fact]
    public async Task A_missing_schema_is_an_invalid_schema()
    {
        var answer = await Client.PostAsync($"/subjects/{TestSchemas.Subject()}/versions", new { schemaType = "AVRO" });

        answer.ShouldBeError(422, 42201);
    }

    [Fact]
    public async Task Oversized_bodies_are_refused_with_413_naming_the_limit()
    {
        var padding = new string('x', RegistryServerFixture.MaxRequestBodyBytes);
        var answer = await Client.PostAsync($"/subjects/{TestSchemas.Subject()}/versions", new { schema = TestSchemas.Record(), padding });

        answer.ShouldBeError(413, 413).ShouldContain(RegistryServerFixture.MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Oversized_chunked_bodies_without_a_length_are_refused_too()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"schema\":\"" + new string('x', RegistryServerFixture.MaxRequestBodyBytes * 2) + "\"}");
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/subjects/{TestSchemas.Subject()}/versions") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }
}

public sealed class ContentTypeOnSqlite(SqliteRegistryServer server) : ContentTypeTests(server), IClassFixture<SqliteRegistryServer>;

public sealed class ContentTypeOnPostgres(PostgresRegistryServer server) : ContentTypeTests(server), IClassFixture<PostgresRegistryServer>;
