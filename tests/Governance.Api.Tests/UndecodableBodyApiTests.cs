using System.Net.Http.Headers;
using Governance.Api.Tests.Support;

namespace Governance.Api.Tests;

/// <summary>
/// Bodies that are not UTF-8, or hold escapes that are no text, are refused on every endpoint that takes a body as
/// Confluent's Jackson refuses unreadable JSON (400, <c>error_code</c> 400), and nothing changes; issue 8 saw 500/50001
/// on the schema endpoints and 200 on <c>PUT /config</c>. <c>schemaType</c> names a format exactly, as in Confluent.
/// </summary>
public sealed class UndecodableBodyApiTests(SqliteRegistryServer server) : IClassFixture<SqliteRegistryServer>
{
    private RegistryClient Client => server.Client;

    public static TheoryData<string, string> BodyEndpoints() => new()
    {
        { "POST", "/subjects/{0}/versions" },
        { "POST", "/subjects/{0}" },
        { "POST", "/compatibility/subjects/{0}/versions" },
        { "POST", "/compatibility/subjects/{0}/versions/latest" },
        { "PUT", "/config" },
        { "PUT", "/config/{0}" },
        { "PUT", "/mode" },
        { "PUT", "/mode/{0}" },
    };

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task A_body_that_is_not_utf8_is_refused_with_400_naming_the_byte(string method, string path)
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());
        var configBefore = (await Client.GetAsync("/config")).Text;

        // The body: {"schema":"\xff\xfe\xfd"}; and a field Confluent reads on /config and /mode.
        foreach (var body in (byte[][])[[.. "{\"schema\":\""u8, 0xFF, 0xFE, 0xFD, .. "\"}"u8], [.. "{\"compatibility\":\"NONE\",\"mode\":\"IMPORT\",\"x\":\""u8, 0xC3, .. "\"}"u8]])
        {
            var answer = await SendAsync(method, string.Format(System.Globalization.CultureInfo.InvariantCulture, path, subject), body);

            answer.ShouldBeError(400, 400).ShouldStartWith("The request body is not valid UTF-8 JSON: invalid byte 0x");
        }

        (await Client.GetAsync("/config")).Text.ShouldBe(configBefore);
        (await Client.GetAsync($"/subjects/{subject}/versions")).Json.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_first_invalid_byte_is_named_with_its_offset()
    {
        var answer = await SendAsync("POST", $"/subjects/{TestSchemas.Subject()}/versions", [.. "{\"schema\":\""u8, 0xFF, .. "\"}"u8]);

        answer.ShouldBeError(400, 400).ShouldBe("The request body is not valid UTF-8 JSON: invalid byte 0xFF at byte offset 11");
    }

    [Fact]
    public async Task A_byte_order_mark_before_the_json_is_accepted()
    {
        var answer = await SendAsync("PUT", "/config/" + TestSchemas.Subject(), [0xEF, 0xBB, 0xBF, .. "{\"compatibility\":\"NONE\"}"u8]);

        answer.ShouldBeOk();
    }

    [Fact]
    public async Task An_unpaired_surrogate_escape_in_a_string_field_is_refused_naming_the_field()
    {
        var answer = await Client.PostAsync($"/subjects/{TestSchemas.Subject()}/versions", """{"schema":"\ud800"}""");

        answer.ShouldBeError(400, 400).ShouldBe("Field 'schema' is not valid text: it holds an unpaired surrogate escape");
    }

    [Theory]
    [InlineData("avro")]
    [InlineData("")]
    [InlineData("Protobuf")]
    [InlineData("JSON ")]
    public async Task A_schema_type_that_is_not_an_exact_name_is_refused(string schemaType)
    {
        var subject = TestSchemas.Subject();

        var answer = await Client.PostAsync($"/subjects/{subject}/versions", new { schemaType, schema = TestSchemas.Record() });

        answer.ShouldBeError(422, 42201).ShouldBe($"Invalid schema type {schemaType}");
        (await Client.GetAsync($"/subjects/{subject}/versions")).ShouldBeError(404, 40401);
    }

    [Fact]
    public async Task An_absent_or_null_schema_type_means_avro()
    {
        await Client.RegisterAsync(TestSchemas.Subject(), TestSchemas.Record());
        (await Client.PostAsync($"/subjects/{TestSchemas.Subject()}/versions", new { schemaType = (string?)null, schema = TestSchemas.Record() })).ShouldBeOk();
    }

    private async Task<RegistryAnswer> SendAsync(string method, string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(RegistryClient.V1Json);
        return await Client.SendAsync(new HttpMethod(method), path, content);
    }
}
