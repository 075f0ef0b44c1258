using System.Net;
using Governance.Api.Tests.Support;

namespace Governance.Api.Tests;

/// <summary>
/// <c>GET /v1/subjects/{subject}/diff?from=&amp;to=</c> over HTTP for Avro, Protobuf and JSON Schema: every difference with
/// its kind, path and whether it breaks backward (new reads old) or forward (old reads new) compatibility, and
/// Confluent's error codes for unknown subjects and versions and for malformed versions.
/// </summary>
public abstract class SchemaDiffApiTests(RegistryServerFixture server)
{
    private RegistryClient Client => server.Client;

    [Fact]
    public async Task Avro_lists_a_promotion_an_added_field_with_default_and_a_removed_field()
    {
        var subject = await RegisterTwoVersionsAsync(
            "AVRO",
            """{"type":"record","name":"Order","fields":[{"name":"id","type":"int"},{"name":"note","type":"string"}]}""",
            """{"type":"record","name":"Order","fields":[{"name":"id","type":"long"},{"name":"customer","type":"string","default":""}]}""");

        await ShouldListChangesAsync(subject, "AVRO",
        [
            ("TYPE_PROMOTED", "/fields/0/type", false, true),
            ("FIELD_ADDED", "/fields/1", false, false),
            ("FIELD_REMOVED", "/fields/1", false, true),
        ]);
    }

    [Fact]
    public async Task Protobuf_lists_an_added_field_and_a_removed_enum_constant()
    {
        var subject = await RegisterTwoVersionsAsync(
            "PROTOBUF",
            """syntax = "proto3"; package shop; message Order { string id = 1; Status status = 2; enum Status { NEW = 0; PAID = 1; } }""",
            """syntax = "proto3"; package shop; message Order { string id = 1; Status status = 2; string note = 3; enum Status { NEW = 0; } }""");

        await ShouldListChangesAsync(subject, "PROTOBUF",
        [
            ("FIELD_ADDED", "#/Order/3", false, false),
            ("ENUM_CONST_REMOVED", "#/Order/Status/1", false, false),
        ]);
    }

    [Fact]
    public async Task Protobuf_marks_a_changed_scalar_kind_as_breaking_both_ways()
    {
        var subject = await RegisterTwoVersionsAsync(
            "PROTOBUF",
            """syntax = "proto3"; message Reading { string sensor = 1; double value = 2; }""",
            """syntax = "proto3"; message Reading { string sensor = 1; string value = 2; }""");

        await ShouldListChangesAsync(subject, "PROTOBUF", [("FIELD_SCALAR_KIND_CHANGED", "#/Reading/2", true, true)]);
    }

    [Fact]
    public async Task Json_lists_a_new_required_property_a_narrowed_type_and_a_property_added_to_a_closed_model()
    {
        var subject = await RegisterTwoVersionsAsync(
            "JSON",
            """{"type":"object","properties":{"id":{"type":"string"},"amount":{"type":"number"}},"required":["id"],"additionalProperties":false}""",
            """{"type":"object","properties":{"id":{"type":"string"},"amount":{"type":"integer"},"note":{"type":"string"}},"required":["id","amount"],"additionalProperties":false}""");

        await ShouldListChangesAsync(subject, "JSON",
        [
            ("REQUIRED_ATTRIBUTE_ADDED", "#/required/amount", true, false),
            ("TYPE_NARROWED", "#/properties/amount", true, false),
            ("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", "#/properties/note", false, true),
        ]);
    }

    [Fact]
    public async Task Diffing_backwards_swaps_which_direction_breaks()
    {
        var subject = await RegisterTwoVersionsAsync(
            "JSON",
            """{"type":"object","properties":{"amount":{"type":"number"}}}""",
            """{"type":"object","properties":{"amount":{"type":"integer"}}}""");

        var forward = await Client.GetAsync($"/v1/subjects/{subject}/diff?from=1&to=2");
        var backward = await Client.GetAsync($"/v1/subjects/{subject}/diff?from=2&to=1");

        Flags(forward).ShouldBe([("#/properties/amount", true, false)]);
        Flags(backward).ShouldBe([("#/properties/amount", false, true)]);
        backward.Json["fromVersion"]!.GetValue<int>().ShouldBe(2);
        backward.Json["toVersion"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task To_defaults_to_the_latest_version_and_a_version_against_itself_has_no_changes()
    {
        var subject = await RegisterTwoVersionsAsync(
            "AVRO",
            """{"type":"enum","name":"Color","symbols":["RED","GREEN"]}""",
            """{"type":"enum","name":"Color","symbols":["RED","GREEN","BLUE"]}""");

        var toLatest = await Client.GetAsync($"/v1/subjects/{subject}/diff?from=1");
        toLatest.ShouldBeOk();
        toLatest.Json["toVersion"]!.GetValue<int>().ShouldBe(2);
        toLatest.Json["changes"]!.AsArray().ShouldNotBeEmpty();

        foreach (var query in new[] { "from=latest", "from=2&to=-1", "from=1&to=1" })
        {
            var same = await Client.GetAsync($"/v1/subjects/{subject}/diff?{query}");
            same.ShouldBeOk();
            same.Json["changes"]!.AsArray().ShouldBeEmpty(query);
        }
    }

    [Fact]
    public async Task Unknown_subjects_and_versions_are_404_with_Confluents_codes()
    {
        var subject = await RegisterTwoVersionsAsync("AVRO", """{"type":"fixed","name":"Hash","size":16}""", """{"type":"fixed","name":"Hash","size":32}""");

        (await Client.GetAsync($"/v1/subjects/{TestSchemas.Subject()}/diff?from=1&to=2")).ShouldBeError(404, 40401);
        (await Client.GetAsync($"/v1/subjects/{subject}/diff?from=3&to=1")).ShouldBeError(404, 40402).ShouldContain("3");
        (await Client.GetAsync($"/v1/subjects/{subject}/diff?from=1&to=7")).ShouldBeError(404, 40402).ShouldContain("7");
    }

    [Theory]
    [InlineData("from=0", "0")]
    [InlineData("from=abc", "abc")]
    [InlineData("from=2147483648", "2147483648")]
    [InlineData("from=-2", "-2")]
    [InlineData("from=1&to=x", "x")]
    [InlineData("from=1&to=1.5", "1.5")]
    public async Task A_malformed_version_is_42202_naming_it(string query, string named)
    {
        var subject = await RegisterTwoVersionsAsync("JSON", """{"type":"string"}""", """{"type":"string","maxLength":5}""");

        var answer = await Client.GetAsync($"/v1/subjects/{subject}/diff?{query}");

        answer.ShouldBeError(422, 42202).ShouldContain($"'{named}'");
    }

    [Fact]
    public async Task A_deleted_version_is_not_diffed()
    {
        var subject = await RegisterTwoVersionsAsync("JSON", """{"type":"string"}""", """{"type":"string","minLength":1}""");
        (await Client.DeleteAsync($"/subjects/{subject}/versions/1")).ShouldBeOk();

        (await Client.GetAsync($"/v1/subjects/{subject}/diff?from=1&to=2")).ShouldBeError(404, 40402);
    }

    /// <summary>A fresh subject with compatibility NONE (so any second version registers) and two versions.</summary>
    private async Task<string> RegisterTwoVersionsAsync(string schemaType, string first, string second)
    {
        var subject = TestSchemas.Subject("diff");
        (await Client.PutAsync($"/config/{subject}", new { compatibility = "NONE" })).ShouldBeOk();
        foreach (var schema in new[] { first, second })
        {
            var answer = await Client.PostAsync($"/subjects/{subject}/versions", new { schemaType, schema });
            answer.Status.ShouldBe(HttpStatusCode.OK, answer.Text);
        }

        return subject;
    }

    private async Task ShouldListChangesAsync(string subject, string schemaType, (string Kind, string Path, bool BreaksBackward, bool BreaksForward)[] expected)
    {
        var answer = await Client.GetAsync($"/v1/subjects/{subject}/diff?from=1&to=2");

        answer.ShouldBeOk();
        answer.ContentType.ShouldBe(RegistryClient.V1Json);
        answer.Json["subject"]!.GetValue<string>().ShouldBe(subject);
        answer.Json["fromVersion"]!.GetValue<int>().ShouldBe(1);
        answer.Json["toVersion"]!.GetValue<int>().ShouldBe(2);
        answer.Json["schemaType"]!.GetValue<string>().ShouldBe(schemaType);
        var changes = answer.Json["changes"]!.AsArray();
        changes.Select(c => (
                c!["kind"]!.GetValue<string>(),
                c["path"]!.GetValue<string>(),
                c["breaksBackward"]!.GetValue<bool>(),
                c["breaksForward"]!.GetValue<bool>()))
            .ShouldBe(expected, ignoreOrder: true, answer.Text);
        changes.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c!["description"]!.GetValue<string>()));
    }

    private static List<(string Path, bool BreaksBackward, bool BreaksForward)> Flags(RegistryAnswer answer)
    {
        answer.ShouldBeOk();
        return [.. answer.Json["changes"]!.AsArray().Select(c => (c!["path"]!.GetValue<string>(), c["breaksBackward"]!.GetValue<bool>(), c["breaksForward"]!.GetValue<bool>()))];
    }
}

public sealed class SchemaDiffApiOnSqlite(SqliteRegistryServer server) : SchemaDiffApiTests(server), IClassFixture<SqliteRegistryServer>;

public sealed class SchemaDiffApiOnPostgres(PostgresRegistryServer server) : SchemaDiffApiTests(server), IClassFixture<PostgresRegistryServer>;
