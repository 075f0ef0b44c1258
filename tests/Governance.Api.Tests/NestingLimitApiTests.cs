using Governance.Api.Tests.Support;
using Governance.TestSupport;

namespace Governance.Api.Tests;

/// <summary>
/// Schemas nested beyond <c>Governance:Registry:MaxNestingDepth</c> are answered 422 / 42201 naming the limit, in every
/// format and on every endpoint that parses a schema, and nothing is stored; the server answers afterwards. Issue 8's
/// reproduction (10,000 nested Protobuf messages, 143 KB) crashed the process with a stack overflow.
/// </summary>
public sealed class NestingLimitApiTests : IAsyncLifetime
{
    private InProcessServer<Program> _server = null!;
    private RegistryClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        // The default body limit (4 MiB), so that the issue's 143 KB schema reaches the parser.
        _server = InProcessServer<Program>.Start(ServerStorage.FreshSqlite(), new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        _client = new RegistryClient(_server.CreateClient());
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    public static TheoryData<string, string> DeepSchemas() => new()
    {
        { "PROTOBUF", "syntax = \"proto3\";\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"message M{i} {{ ")) + "string leaf = 1; " + string.Concat(Enumerable.Repeat("} ", 10_000)) },
        { "AVRO", string.Concat(Enumerable.Repeat("{\"type\":\"array\",\"items\":", 10_000)) + "\"int\"" + new string('}', 10_000) },
        { "JSON", string.Concat(Enumerable.Repeat("{\"items\":", 10_000)) + "{}" + new string('}', 10_000) },
    };

    [Theory]
    [MemberData(nameof(DeepSchemas))]
    public async Task Ten_thousand_levels_are_refused_on_register_lookup_and_compatibility(string schemaType, string schema)
    {
        var subject = TestSchemas.Subject("deep");
        var body = new { schemaType, schema };

        foreach (var path in (string[])[$"/subjects/{subject}/versions", $"/subjects/{subject}", $"/compatibility/subjects/{subject}/versions"])
        {
            var answer = await _client.PostAsync(path, body);

            answer.ShouldBeError(422, 42201).ShouldContain("maximum nesting depth of 256 (MaxNestingDepth)");
        }

        (await _client.GetAsync($"/subjects/{subject}/versions")).ShouldBeError(404, 40401);
        (await _client.GetAsync("/subjects")).ShouldBeOk();
    }

    [Fact]
    public async Task A_schema_at_the_limit_registers_and_one_level_more_is_refused_against_an_existing_subject()
    {
        var subject = TestSchemas.Subject("deep");
        await _client.RegisterAsync(subject, Nested(255, "int"));

        (await _client.PostAsync($"/subjects/{subject}", new { schema = Nested(255, "int") })).ShouldBeOk();
        (await _client.PostAsync($"/subjects/{subject}", new { schema = Nested(256, "int") })).ShouldBeError(422, 42201)
            .ShouldContain("maximum nesting depth of 256");
        (await _client.PostAsync($"/compatibility/subjects/{subject}/versions/latest", new { schema = Nested(256, "int") })).ShouldBeError(422, 42201);
        (await _client.PostAsync($"/subjects/{subject}/versions", new { schema = Nested(256, "int") })).ShouldBeError(422, 42201);
        (await _client.GetAsync($"/subjects/{subject}/versions")).Json.AsArray().Count.ShouldBe(1);
    }

    /// <summary>An Avro schema of arrays nested so that its JSON nests <paramref name="arrays"/> + 1 deep.</summary>
    private static string Nested(int arrays, string leaf) =>
        string.Concat(Enumerable.Repeat("{\"type\":\"array\",\"items\":", arrays)) + $"{{\"type\":\"{leaf}\"}}" + new string('}', arrays);
}
