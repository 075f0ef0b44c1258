using System.Net;
using Governance.Api.Tests.Support;

namespace Governance.Api.Tests;

/// <summary><c>GET /</c>, <c>POST /</c>, <c>/schemas/types</c>, server metadata, and what unknown routes answer.</summary>
public abstract class RootApiTests(RegistryServerFixture server)
{
    private RegistryClient Client => server.Client;

    [Fact]
    public async Task Root_answers_an_empty_object_to_get_and_post()
    {
        var get = await Client.GetAsync("/");
        get.ShouldBeOk();
        get.Text.ShouldBe("{}");

        var post = await Client.PostAsync("/", new { });
        post.ShouldBeOk();
        post.Text.ShouldBe("{}");
    }

    [Fact]
    public async Task Schema_types_list_the_three_formats_in_confluents_order()
    {
        var answer = await Client.GetAsync("/schemas/types");

        answer.ShouldBeOk();
        answer.Json.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["AVRO", "JSON", "PROTOBUF"]);
    }

    [Fact]
    public async Task Server_metadata_names_the_registry_cluster_and_version()
    {
        var id = await Client.GetAsync("/v1/metadata/id");
        id.ShouldBeOk();
        id.Json["scope"]!["clusters"]!["schema-registry-cluster"]!.GetValue<string>().ShouldNotBeNullOrEmpty();

        var version = await Client.GetAsync("/v1/metadata/version");
        version.ShouldBeOk();
        version.Json["version"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("/no/such/route")]
    [InlineData("/schemas/ids/not-a-number")]
    [InlineData("/subjects/a/versions/1/nothing")]
    public async Task Unknown_routes_answer_confluents_404_body(string path)
    {
        var answer = await Client.GetAsync(path);

        answer.ShouldBeError(404, 404).ShouldBe("HTTP 404 Not Found");
        answer.ContentType.ShouldBe(RegistryClient.V1Json);
    }

    [Fact]
    public async Task A_known_route_with_an_unsupported_method_answers_405()
    {
        var answer = await Client.SendAsync(HttpMethod.Patch, "/subjects", RegistryClient.Json(new { }));

        answer.ShouldBeError(405, 405);
    }

    [Fact]
    public async Task Answers_are_never_a_bare_500_for_odd_but_valid_requests()
    {
        var answer = await Client.GetAsync("/subjects?deleted=maybe&deletedOnly=&subjectPrefix=");

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Text);
    }
}

public sealed class RootApiOnSqlite(SqliteRegistryServer server) : RootApiTests(server), IClassFixture<SqliteRegistryServer>;

public sealed class RootApiOnPostgres(PostgresRegistryServer server) : RootApiTests(server), IClassFixture<PostgresRegistryServer>;
