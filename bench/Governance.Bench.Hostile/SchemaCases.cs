namespace Governance.Bench.Hostile;

/// <summary>One schema sent to the registry: what it is, its type and text.</summary>
internal sealed record SchemaCase(string Name, string SchemaType, string Schema);

/// <summary>
/// Generated schemas: hostile ones (nested far beyond the limit through each construct of each format) and large
/// legitimate ones (at the nesting limit, wide, long names, huge enums) that must still register.
/// </summary>
internal static class SchemaCases
{
    private const string Proto3 = "syntax = \"proto3\";\n";

    public static IEnumerable<SchemaCase> Hostile(int depth) =>
    [
        new("protobuf nested messages (issue 8)", "PROTOBUF", ProtoNested(depth)),
        new("protobuf nested groups", "PROTOBUF", "syntax = \"proto2\";\nmessage M { " + Repeat(depth, i => $"optional group G{i} = {i + 1} {{ ") + "optional int32 x = 1; " + Close(depth + 1)),
        new("protobuf nested option aggregates", "PROTOBUF", Proto3 + "import \"google/protobuf/descriptor.proto\";\nmessage Opt { Opt o = 1; int32 x = 2; }\nextend google.protobuf.MessageOptions { Opt opt = 50000; }\nmessage M { option (opt) = " + Repeat(depth, _ => "{ o: ") + "{ x: 1 " + Close(depth + 1) + "; }"),
        new("avro nested records", "AVRO", Repeat(depth, i => $"{{\"type\":\"record\",\"name\":\"R{i}\",\"fields\":[{{\"name\":\"f\",\"type\":") + "\"int\"" + string.Concat(Enumerable.Repeat("}]}", depth))),
        new("avro nested unions", "AVRO", string.Concat(Enumerable.Repeat("[\"null\",", depth)) + "\"int\"" + new string(']', depth)),
        new("avro nested arrays and maps", "AVRO", Repeat(depth, i => i % 2 == 0 ? "{\"type\":\"array\",\"items\":" : "{\"type\":\"map\",\"values\":") + "\"int\"" + new string('}', depth)),
        new("json nested properties", "JSON", Repeat(depth, _ => "{\"type\":\"object\",\"properties\":{\"a\":") + "{}" + new string('}', 2 * depth)),
        new("json nested items", "JSON", Repeat(depth, _ => "{\"items\":") + "{}" + new string('}', depth)),
        new("json nested allOf", "JSON", Repeat(depth, _ => "{\"allOf\":[") + "{}" + string.Concat(Enumerable.Repeat("]}", depth))),
        new("json $ref chain of definitions", "JSON", "{\"$ref\":\"#/definitions/d0\",\"definitions\":{" + string.Join(',', Enumerable.Range(0, depth).Select(i => $"\"d{i}\":{{\"$ref\":\"#/definitions/d{i + 1}\"}}")) + $",\"d{depth}\":{{\"type\":\"string\"}}}}}}"),
    ];

    public static IEnumerable<SchemaCase> Legitimate(int limit) =>
    [
        new($"protobuf messages nested {limit} deep (at the limit)", "PROTOBUF", ProtoNested(limit)),
        new($"protobuf messages nested 100 deep", "PROTOBUF", ProtoNested(100)),
        new("protobuf 5,000 messages of 10 fields", "PROTOBUF", Proto3 + Repeat(5_000, i => $"message M{i} {{ " + Repeat(10, f => $"string f{f} = {f + 1}; ") + "} ")),
        new("protobuf one message of 18,000 fields", "PROTOBUF", Proto3 + "message Wide { " + Repeat(18_000, f => $"int64 f{f} = {f + 1}; ") + "}"),
        new("protobuf enum of 20,000 values", "PROTOBUF", Proto3 + "enum Big { " + Repeat(20_000, v => $"V{v} = {v}; ") + "}"),
        new("protobuf 1,000-message field chain", "PROTOBUF", Proto3 + Repeat(1_000, i => $"message M{i} {{ M{i + 1} next = 1; }} ") + "message M1000 { string leaf = 1; }"),
        new("protobuf names of 10,000 characters", "PROTOBUF", Proto3 + $"message {new string('N', 10_000)} {{ string {new string('f', 10_000)} = 1; }}"),
        new($"avro arrays nested {limit - 1} deep (JSON depth {limit})", "AVRO", Repeat(limit - 1, _ => "{\"type\":\"array\",\"items\":") + "{\"type\":\"int\"}" + new string('}', limit - 1)),
        new("avro records nested 60 deep", "AVRO", Repeat(60, i => $"{{\"type\":\"record\",\"name\":\"R{i}\",\"fields\":[{{\"name\":\"f\",\"type\":[\"null\",") + "\"int\"" + string.Concat(Enumerable.Repeat("]}]}", 60))),
        new("avro record of 20,000 fields", "AVRO", "{\"type\":\"record\",\"name\":\"Wide\",\"fields\":[" + string.Join(',', Enumerable.Range(0, 20_000).Select(f => $"{{\"name\":\"f{f}\",\"type\":\"long\"}}")) + "]}"),
        new("avro enum of 20,000 symbols", "AVRO", "{\"type\":\"enum\",\"name\":\"Big\",\"symbols\":[" + string.Join(',', Enumerable.Range(0, 20_000).Select(v => $"\"V{v}\"")) + "]}"),
        new("avro 2,000 named records in a union", "AVRO", "[" + string.Join(',', Enumerable.Range(0, 2_000).Select(i => $"{{\"type\":\"record\",\"name\":\"R{i}\",\"fields\":[{{\"name\":\"a\",\"type\":\"int\"}}]}}")) + "]"),
        new("avro names of 10,000 characters", "AVRO", $"{{\"type\":\"record\",\"name\":\"{new string('N', 10_000)}\",\"fields\":[{{\"name\":\"{new string('f', 10_000)}\",\"type\":\"int\"}}]}}"),
        new($"json properties nested {(limit - 1) / 2} deep", "JSON", Repeat((limit - 1) / 2, _ => "{\"properties\":{\"a\":") + "{\"type\":\"string\"}" + new string('}', 2 * ((limit - 1) / 2))),
        new("json object of 20,000 properties", "JSON", "{\"type\":\"object\",\"properties\":{" + string.Join(',', Enumerable.Range(0, 20_000).Select(p => $"\"p{p}\":{{\"type\":\"integer\"}}")) + "}}"),
        new("json enum of 20,000 values", "JSON", "{\"enum\":[" + string.Join(',', Enumerable.Range(0, 20_000).Select(v => $"\"v{v}\"")) + "]}"),
        new("json $ref chain of 1,000 definitions", "JSON", "{\"$ref\":\"#/definitions/d0\",\"definitions\":{" + string.Join(',', Enumerable.Range(0, 1_000).Select(i => $"\"d{i}\":{{\"$ref\":\"#/definitions/d{i + 1}\"}}")) + ",\"d1000\":{\"type\":\"string\"}}}"),
    ];

    /// <summary>Issue 8's generator: <paramref name="depth"/> messages each nested in the one before.</summary>
    public static string ProtoNested(int depth) => Proto3 + Repeat(depth, i => $"message M{i} {{ ") + "string leaf = 1; " + Close(depth);

    private static string Repeat(int count, Func<int, string> part) => string.Concat(Enumerable.Range(0, count).Select(part));

    private static string Close(int count) => string.Concat(Enumerable.Repeat("} ", count));
}
