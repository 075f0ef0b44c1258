using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Broker.Hosting;
using Governance.EndToEnd.Tests.Support;
using Governance.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// Lineage through the whole server: kcat with its own client.id produces to the integrated broker, a client registers
/// through the registry API, and the lineage API answers; the server restarts on the same database and still answers.
/// The broker's hand-over is triggered directly instead of waiting for its 5-second timer.
/// </summary>
public sealed class LineageApiTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Produced_and_registered_traffic_is_answered_as_edges_within_the_window_and_after_a_restart()
    {
        var storage = ServerStorage.FreshSqlite();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using (var server = InProcessServer<Program>.Start(storage))
        {
            var broker = server.Services.GetRequiredService<BrokerServer>();
            var value = new string('x', 1024);
            await Kcat.RunAsync(
                ["-b", $"127.0.0.1:{broker.LocalEndPoint.Port}", "-P", "-t", "orders", "-X", "client.id=orders-svc"],
                string.Concat(Enumerable.Repeat(value + "\n", 1000)), Token);
            broker.Activity.HandOver();
            using var http = server.CreateClient();
            http.DefaultRequestHeaders.UserAgent.ParseAdd("orders-serializer/1.0");
            (await http.PostAsJsonAsync("/subjects/orders-value/versions", new { schema = """{"type":"string"}""" }, Token)).EnsureSuccessStatusCode();

            var graph = await GetJsonAsync(http, "/v1/lineage/graph");
            var produces = Edges(graph).Where(e => e.GetProperty("kind").GetString() == "produces").ToList().ShouldHaveSingleItem();
            produces.GetProperty("from").GetString().ShouldBe("client:orders-svc");
            produces.GetProperty("to").GetString().ShouldBe("topic:local/orders");
            produces.GetProperty("records").GetInt64().ShouldBe(1000);
            produces.GetProperty("bytes").GetInt64().ShouldBeGreaterThanOrEqualTo(1_024_000);
            Edges(graph).Select(e => (e.GetProperty("from").GetString(), e.GetProperty("to").GetString(), e.GetProperty("kind").GetString()))
                .ShouldContain(("client:orders-serializer@127.0.0.1", "subject:orders-value", "registers"));
            Edges(graph).Select(e => (e.GetProperty("from").GetString(), e.GetProperty("to").GetString()))
                .ShouldContain(("topic:local/orders", "subject:orders-value"));
            graph.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "client:orders-svc")
                .GetProperty("attributes").GetProperty("softwareName").GetString().ShouldBe("librdkafka");
            var earlier = await GetJsonAsync(http, $"/v1/lineage/graph?from={Iso(before.AddHours(-2))}&to={Iso(before.AddHours(-1))}");
            Edges(earlier).ShouldBeEmpty();

            var topic = await GetJsonAsync(http, "/v1/lineage/topics/orders");
            topic.GetProperty("producers").EnumerateArray().ShouldHaveSingleItem().GetProperty("from").GetString().ShouldBe("client:orders-svc");
            topic.GetProperty("throughput").GetProperty("records").GetInt64().ShouldBe(1000);
            topic.GetProperty("subjects").EnumerateArray().ShouldHaveSingleItem().GetProperty("to").GetString().ShouldBe("subject:orders-value");
            var client = await GetJsonAsync(http, "/v1/lineage/clients/orders-svc");
            client.GetProperty("produces").EnumerateArray().ShouldHaveSingleItem().GetProperty("records").GetInt64().ShouldBe(1000);

            var events = await GetJsonAsync(http, "/v1/lineage/openlineage");
            var run = events.EnumerateArray().Single(e => e.GetProperty("job").GetProperty("name").GetString() == "client:orders-svc");
            run.GetProperty("eventType").GetString().ShouldBe("RUNNING");
            Guid.TryParse(run.GetProperty("run").GetProperty("runId").GetString(), out _).ShouldBeTrue();
            run.GetProperty("job").GetProperty("facets").GetProperty("jobType").GetProperty("processingType").GetString().ShouldBe("STREAMING");
            var output = run.GetProperty("outputs").EnumerateArray().ShouldHaveSingleItem();
            (output.GetProperty("namespace").GetString(), output.GetProperty("name").GetString()).ShouldBe(("kafka://local", "orders"));
        }

        await using (var restarted = InProcessServer<Program>.Start(storage))
        {
            using var http = restarted.CreateClient();
            var graph = await GetJsonAsync(http, $"/v1/lineage/graph?from={Iso(before.AddMinutes(-1))}&focus=client:orders-svc&depth=1");
            Edges(graph).ShouldHaveSingleItem().GetProperty("records").GetInt64().ShouldBe(1000);
        }
    }

    [Theory]
    [InlineData("/v1/lineage/graph?from=2026-12-02T10:00:00Z&to=2026-12-02T09:00:00Z", 400, "after")]
    [InlineData("/v1/lineage/graph?from=yesterday", 400, "from 'yesterday'")]
    [InlineData("/v1/lineage/graph?to=soon", 400, "to 'soon'")]
    [InlineData("/v1/lineage/graph?depth=11", 400, "depth")]
    [InlineData("/v1/lineage/graph?depth=-1", 400, "depth")]
    [InlineData("/v1/lineage/graph?focus=orders", 400, "not a node id")]
    [InlineData("/v1/lineage/graph?focus=client:nobody", 404, "client:nobody")]
    [InlineData("/v1/lineage/topics/nothing", 404, "nothing")]
    [InlineData("/v1/lineage/clients/nobody", 404, "nobody")]
    [InlineData("/v1/lineage/openlineage?from=2026-13-45", 400, "from")]
    public async Task Bad_windows_depths_and_unknown_nodes_are_refused_with_the_reason(string path, int status, string named)
    {
        await using var server = InProcessServer<Program>.Start(ServerStorage.FreshSqlite());
        using var http = server.CreateClient();

        using var response = await http.GetAsync(path, Token);

        ((int)response.StatusCode).ShouldBe(status);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        (problem.RootElement.GetProperty("detail").GetString() ?? "").ShouldContain(named);
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    private static IEnumerable<JsonElement> Edges(JsonElement graph) => graph.GetProperty("edges").EnumerateArray();

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
