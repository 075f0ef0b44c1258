using System.Text.Json.Nodes;
using Governance.EndToEnd.Tests.Support;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// Confluent's JavaScript client (<c>@confluentinc/schemaregistry</c>, npm) against the server over real HTTP: its Avro
/// serializer registers schemas automatically, its deserializer (a second client, nothing cached) fetches them by id.
/// </summary>
public sealed class JsClientAvroRoundTripTests() : FreshServer(QuietLogging)
{
    [Fact]
    public async Task Serializes_with_automatic_registration_and_deserializes_back()
    {
        var output = await JsClientScript.RunAsync("avro-roundtrip.mjs", Server.BaseAddress);

        var results = output["results"]!.AsArray();
        results.Count.ShouldBe(4);
        foreach (var result in results)
        {
            result!["magicByte"]!.GetValue<int>().ShouldBe(0);
            JsonNode.DeepEquals(result["decoded"], result["original"]).ShouldBeTrue($"round trip changed the record: {result.ToJsonString()}");
        }

        var idsByTopic = results.GroupBy(r => r!["topic"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Select(r => r!["schemaId"]!.GetValue<int>()).Distinct().ToList());
        idsByTopic["orders"].Count.ShouldBe(1, "records of one shape share one schema id");
        idsByTopic["customers"].Count.ShouldBe(1);
        idsByTopic["orders"][0].ShouldNotBe(idsByTopic["customers"][0]);

        output["subjects"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["customers-value", "orders-value"], ignoreOrder: true);

        using var http = Server.CreateClient();
        foreach (var (topic, ids) in idsByTopic)
        {
            var registered = JsonNode.Parse(await http.GetStringAsync($"/subjects/{topic}-value/versions/latest", TestContext.Current.CancellationToken))!;
            registered["version"]!.GetValue<int>().ShouldBe(1);
            registered["id"]!.GetValue<int>().ShouldBe(ids[0]);
            var schema = JsonNode.Parse(registered["schema"]!.GetValue<string>())!;
            schema["type"]!.GetValue<string>().ShouldBe("record");
        }

        var orders = JsonNode.Parse(await http.GetStringAsync($"/schemas/ids/{idsByTopic["orders"][0]}/schema", TestContext.Current.CancellationToken))!;
        orders["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ShouldBe(["orderId", "quantity", "price", "express"]);
    }
}
