using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using Governance.EndToEnd.Tests.Support;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// Confluent's JavaScript client (<c>@confluentinc/schemaregistry</c>, npm) against the server over real HTTP with
/// Protobuf: its serializer registers the message's file (base64 of a serialized FileDescriptorProto) automatically and
/// writes the message indexes of the message type after the schema id; its deserializer (a second client, nothing
/// cached) fetches the schema with <c>format=serialized</c> and follows the indexes back to the type.
/// </summary>
public sealed class JsClientProtobufRoundTripTests(ProtobufRoundTripRun run) : IClassFixture<ProtobufRoundTripRun>
{
    /// <summary>The message type each topic of protobuf-roundtrip.mjs carries, and its path in the file.</summary>
    private static readonly Dictionary<string, (string TypeName, int[] Indexes, string FirstString)> Topics = new()
    {
        ["orders"] = ("governance.e2e.Order", [0], "o-1"),
        ["line-items"] = ("governance.e2e.Order.LineItem", [0, 0], "paper"),
        ["shipments"] = ("governance.e2e.Shipment", [1], "o-1"),
        ["trackings"] = ("governance.e2e.Shipment.Tracking", [1, 1], "post"),
    };

    private readonly JsonNode _report = run.Report;

    [Fact]
    public void Deserializes_every_message_type_back_to_the_same_type_and_values()
    {
        var results = _report["results"]!.AsArray();
        results.Select(r => r!["topic"]!.GetValue<string>()).ShouldBe(Topics.Keys);
        foreach (var result in results)
        {
            var expected = Topics[result!["topic"]!.GetValue<string>()];
            result["typeName"]!.GetValue<string>().ShouldBe(expected.TypeName);
            result["decodedTypeName"]!.GetValue<string>().ShouldBe(expected.TypeName, "the message indexes led the deserializer to another type");
            JsonNode.DeepEquals(result["decoded"], result["original"]).ShouldBeTrue($"round trip changed the message: {result.ToJsonString()}");
        }

        var order = results[0]!["decoded"]!;
        order["items"]!.AsArray().Select(i => i!["sku"]!.GetValue<string>()).ShouldBe(["pen", "ink"]);
        order["status"]!.GetValue<string>().ShouldBe("SHIPPED");
        results[3]!["decoded"]!["number"]!.GetValue<string>().ShouldBe("9007199254740993", "an int64 beyond 2^53 survives");
    }

    [Fact]
    public void Writes_the_message_indexes_of_Confluents_wire_format_after_the_schema_id()
    {
        foreach (var result in _report["results"]!.AsArray())
        {
            var topic = result!["topic"]!.GetValue<string>();
            var expected = Topics[topic];
            var payload = Convert.FromBase64String(result["payload"]!.GetValue<string>());

            payload[0].ShouldBe((byte)0, "magic byte");
            BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(1, 4)).ShouldBePositive();
            var indexes = MessageIndexBytes(expected.Indexes);
            payload.AsSpan(5, indexes.Length).ToArray().ShouldBe(indexes, $"message indexes of {expected.TypeName} on topic {topic}");

            // The Protobuf body follows at once: every message here starts with field 1, a string (tag 0x0A, length).
            var body = payload.AsSpan(5 + indexes.Length);
            body[0].ShouldBe((byte)0x0A, $"{topic}: field 1, wire type 2 right after the indexes");
            Encoding.UTF8.GetString(body.Slice(2, body[1])).ShouldBe(expected.FirstString);
        }
    }

    [Fact]
    public async Task Registers_the_file_once_under_each_topics_value_subject()
    {
        _report["subjects"]!.AsArray().Select(s => s!.GetValue<string>())
            .ShouldBe(Topics.Keys.Select(t => $"{t}-value"), ignoreOrder: true);

        using var http = run.Server.CreateClient();
        var ids = new HashSet<int>();
        foreach (var topic in Topics.Keys)
        {
            var registered = JsonNode.Parse(await http.GetStringAsync($"/subjects/{topic}-value/versions/latest", TestContext.Current.CancellationToken))!;
            registered["version"]!.GetValue<int>().ShouldBe(1);
            registered["schemaType"]!.GetValue<string>().ShouldBe("PROTOBUF");
            ids.Add(registered["id"]!.GetValue<int>());
        }

        ids.Count.ShouldBe(1, "the same file gets the same id in every subject");
        var id = ids.Single();
        foreach (var result in _report["results"]!.AsArray())
        {
            BinaryPrimitives.ReadInt32BigEndian(Convert.FromBase64String(result!["payload"]!.GetValue<string>()).AsSpan(1, 4)).ShouldBe(id);
        }

        var subjects = JsonNode.Parse(await http.GetStringAsync($"/schemas/ids/{id}/subjects", TestContext.Current.CancellationToken))!;
        subjects.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(Topics.Keys.Select(t => $"{t}-value"), ignoreOrder: true);

        // Stored as .proto text, nested types inside their parents in file order: the order message indexes refer to.
        var schema = JsonNode.Parse(await http.GetStringAsync($"/schemas/ids/{id}", TestContext.Current.CancellationToken))!["schema"]!.GetValue<string>();
        schema.ShouldContain("package governance.e2e;");
        var positions = new[] { "message Order {", "message LineItem {", "enum Status {", "message Shipment {", "message Address {", "message Tracking {" }
            .Select(declaration => schema.IndexOf(declaration, StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0, schema);
        positions.ShouldBeInOrder(SortDirection.Ascending, schema);
    }

    /// <summary>
    /// Confluent's Protobuf wire format ("Wire format" in Schema Registry's serdes documentation): after the magic byte
    /// and the 4-byte id, the array of message indexes as a count and the indexes, each a zigzag varint (as Kafka writes
    /// varints); the common case [0] is written as the single byte 0.
    /// </summary>
    private static byte[] MessageIndexBytes(int[] indexes)
    {
        if (indexes is [0])
        {
            return [0];
        }

        var bytes = new List<byte>();
        foreach (var value in indexes.Prepend(indexes.Length))
        {
            var zigzag = (uint)((value << 1) ^ (value >> 31));
            for (; zigzag >= 0x80; zigzag >>= 7)
            {
                bytes.Add((byte)(zigzag | 0x80));
            }

            bytes.Add((byte)zigzag);
        }

        return [.. bytes];
    }
}

/// <summary>protobuf-roundtrip.mjs, run once for <see cref="JsClientProtobufRoundTripTests"/>.</summary>
public sealed class ProtobufRoundTripRun() : JsClientScriptRun("protobuf-roundtrip.mjs");
