using System.Text.Json.Nodes;
using Governance.EndToEnd.Tests.Support;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// Confluent's JavaScript client (<c>@confluentinc/schemaregistry</c>, npm) against the server over real HTTP with JSON
/// Schema and validation on: with automatic registration its serializer derives the schema from the message and
/// registers it; with <c>useLatestVersion</c> it validates against a hand-written schema the server serves, refusing a
/// message that breaks it. Its deserializer (a second client, nothing cached) fetches schemas by id and validates too.
/// </summary>
public sealed class JsClientJsonSchemaRoundTripTests(JsonSchemaRoundTripRun run) : IClassFixture<JsonSchemaRoundTripRun>
{
    private readonly JsonNode _report = run.Report;

    [Fact]
    public void Deserializes_every_message_back_to_the_same_values()
    {
        var roundTrips = _report["roundTrips"]!.AsArray();
        roundTrips.Select(r => r!["topic"]!.GetValue<string>()).ShouldBe(["payments", "payments", "shipments"]);
        foreach (var roundTrip in roundTrips)
        {
            roundTrip!["magicByte"]!.GetValue<int>().ShouldBe(0);
            JsonNode.DeepEquals(JsonNode.Parse(roundTrip["body"]!.GetValue<string>()), roundTrip["original"])
                .ShouldBeTrue($"the body after the schema id is the message as JSON: {roundTrip.ToJsonString()}");
            JsonNode.DeepEquals(roundTrip["decoded"], roundTrip["original"]).ShouldBeTrue($"round trip changed the message: {roundTrip.ToJsonString()}");
        }

        roundTrips[0]!["decoded"]!["card"]!["holder"]!.GetValue<string>().ShouldBe("Ada Lovelace");
    }

    [Fact]
    public async Task Registers_the_schema_derived_from_the_messages_under_the_topics_value_subject()
    {
        _report["subjects"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["payments-value", "shipments-value"], ignoreOrder: true);
        var ids = _report["roundTrips"]!.AsArray().Where(r => r!["topic"]!.GetValue<string>() == "payments")
            .Select(r => r!["schemaId"]!.GetValue<int>()).Distinct().ToList();
        ids.Count.ShouldBe(1, "messages of one shape derive one schema");

        using var http = run.Server.CreateClient();
        var registered = JsonNode.Parse(await http.GetStringAsync("/subjects/payments-value/versions/latest", TestContext.Current.CancellationToken))!;
        registered["version"]!.GetValue<int>().ShouldBe(1);
        registered["id"]!.GetValue<int>().ShouldBe(ids[0]);
        registered["schemaType"]!.GetValue<string>().ShouldBe("JSON");

        var schema = JsonNode.Parse(registered["schema"]!.GetValue<string>())!;
        schema["type"]!.GetValue<string>().ShouldBe("object");
        var properties = schema["properties"]!.AsObject();
        properties.Select(p => (p.Key, p.Value!["type"]!.GetValue<string>())).ShouldBe(
        [
            ("paymentId", "string"), ("amount", "number"), ("currency", "string"), ("captured", "boolean"),
            ("attempts", "integer"), ("card", "object"), ("tags", "array"),
        ]);
        properties["card"]!["properties"]!.AsObject().Select(p => p.Key).ShouldBe(["holder", "network"]);
        properties["tags"]!["items"]!["type"]!.GetValue<string>().ShouldBe("string");
    }

    [Theory]
    [InlineData("negativeWeight", "/weightKg", "exclusiveMinimum")]
    [InlineData("unknownCarrier", "/carrier", "enum")]
    [InlineData("missingCarrier", "carrier", "required")]
    [InlineData("extraProperty", "fragile", "additionalProperties")]
    public void The_serializer_refuses_a_message_that_breaks_the_latest_schema(string message, string where, string keyword)
    {
        var refusal = _report["refusals"]![message];
        refusal.ShouldNotBeNull($"the serializer wrote {message}, which breaks the shipment schema");
        refusal["errorType"]!.GetValue<string>().ShouldBe("SerializationError");
        var text = refusal["message"]!.GetValue<string>();
        text.ShouldContain(where);
        text.ShouldContain(keyword);
    }

    [Fact]
    public void The_deserializer_refuses_a_message_that_breaks_its_writer_schema()
    {
        var refusal = _report["readRefusal"];
        refusal.ShouldNotBeNull("the deserializer accepted a message that breaks the schema its id names");
        refusal["errorType"]!.GetValue<string>().ShouldBe("SerializationError");
        refusal["message"]!.GetValue<string>().ShouldContain("/weightKg");
    }

    [Fact]
    public async Task Refused_messages_leave_the_hand_written_schema_the_only_version()
    {
        var shipmentSchemaId = _report["shipmentSchemaId"]!.GetValue<int>();
        _report["roundTrips"]![2]!["schemaId"]!.GetValue<int>().ShouldBe(shipmentSchemaId, "useLatestVersion writes the latest version's id");

        using var http = run.Server.CreateClient();
        var versions = JsonNode.Parse(await http.GetStringAsync("/subjects/shipments-value/versions", TestContext.Current.CancellationToken))!;
        versions.AsArray().Select(v => v!.GetValue<int>()).ShouldBe([1]);
        var registered = JsonNode.Parse(await http.GetStringAsync("/subjects/shipments-value/versions/1", TestContext.Current.CancellationToken))!;
        registered["id"]!.GetValue<int>().ShouldBe(shipmentSchemaId);
        registered["schemaType"]!.GetValue<string>().ShouldBe("JSON");
        JsonNode.Parse(registered["schema"]!.GetValue<string>())!["required"]!.AsArray().Select(r => r!.GetValue<string>())
            .ShouldBe(["shipmentId", "weightKg", "carrier"]);
    }
}

/// <summary>jsonschema-roundtrip.mjs, run once for <see cref="JsClientJsonSchemaRoundTripTests"/>.</summary>
public sealed class JsonSchemaRoundTripRun() : JsClientScriptRun("jsonschema-roundtrip.mjs");
