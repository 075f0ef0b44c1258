using Shouldly;
using Xunit;

namespace Governance.Schemas.Json.Tests;

/// <summary>
/// <c>$ref</c> to schemas registered under other subjects (given as references named by the URL the <c>$ref</c> uses),
/// internal <c>$ref</c>, anchors and embedded <c>$id</c>s; recursive schemas compare without looping.
/// </summary>
public sealed class ReferenceResolutionTests
{
    private static readonly JsonSchemaFormat Format = new();

    private const string Order = """
        {"type": "object", "properties": {"id": {"type": "string"}, "shipTo": {"$ref": "address.json"}}}
        """;

    [Fact]
    public void External_reference_is_compared_through()
    {
        var v1 = Parse(Order, ("address.json", """{"type": "object", "properties": {"zip": {"type": "string"}}}"""));
        var v2 = Parse(Order, ("address.json", """{"type": "object", "properties": {"zip": {"type": "integer"}}}"""));

        Kinds(v2, v1).ShouldBe(["TYPE_CHANGED #/properties/shipTo/properties/zip"]);
    }

    [Fact]
    public void External_reference_with_a_fragment_points_into_the_referenced_schema()
    {
        const string schema = """{"properties": {"street": {"$ref": "defs.json#/definitions/street"}}}""";
        var v1 = Parse(schema, ("defs.json", """{"definitions": {"street": {"type": "string", "maxLength": 40}}}"""));
        var v2 = Parse(schema, ("defs.json", """{"definitions": {"street": {"type": "string", "maxLength": 80}}}"""));

        Kinds(v2, v1).ShouldBe(["MAX_LENGTH_INCREASED #/properties/street/maxLength"]);
    }

    [Fact]
    public void Internal_references_of_a_referenced_schema_resolve_inside_it()
    {
        const string address = """{"$ref": "#/definitions/address", "definitions": {"address": {"type": "object", "properties": {"city": {"type": "string"}}}}}""";
        var v1 = Parse(Order, ("address.json", address));
        var v2 = Parse(Order, ("address.json", address.Replace("\"string\"", "\"integer\"", StringComparison.Ordinal)));

        Kinds(v2, v1).ShouldBe(["TYPE_CHANGED #/properties/shipTo/properties/city"]);
    }

    [Fact]
    public void Transitive_references_resolve_in_turn()
    {
        var schema = Parse(Order,
            ("country.json", """{"type": "string", "enum": ["FR", "DE"]}"""),
            ("address.json", """{"type": "object", "properties": {"country": {"$ref": "country.json"}}}"""));
        var wider = Parse(Order,
            ("country.json", """{"type": "string", "enum": ["FR", "DE", "IT"]}"""),
            ("address.json", """{"type": "object", "properties": {"country": {"$ref": "country.json"}}}"""));

        Kinds(wider, schema).ShouldBe(["ENUM_ARRAY_EXTENDED #/properties/shipTo/properties/country/allOf/0/enum"]);
        wider.CheckBackwardCompatibility(schema).ShouldBeEmpty();
    }

    [Fact]
    public void Reference_named_by_an_absolute_url_is_found_from_a_relative_ref_under_the_root_id()
    {
        const string schema = """{"$id": "https://example.com/schemas/order.json", "properties": {"shipTo": {"$ref": "address.json"}}}""";

        var parsed = Parse(schema, ("https://example.com/schemas/address.json", """{"type": "object"}"""));
        var other = Parse(schema, ("https://example.com/schemas/address.json", """{"type": "string"}"""));

        Kinds(other, parsed).ShouldBe(["TYPE_CHANGED #/properties/shipTo"]);
    }

    [Fact]
    public void Reference_is_found_by_its_own_id()
    {
        const string schema = """{"properties": {"shipTo": {"$ref": "https://example.com/address"}}}""";
        var v1 = Parse(schema, ("address.json", """{"$id": "https://example.com/address", "type": "object", "additionalProperties": false}"""));
        var v2 = Parse(schema, ("address.json", """{"$id": "https://example.com/address", "type": "object"}"""));

        Kinds(v2, v1).ShouldBe(["ADDITIONAL_PROPERTIES_ADDED #/properties/shipTo/additionalProperties"]);
    }

    [Fact]
    public void Recursive_reference_across_documents_does_not_loop()
    {
        const string schema = """{"properties": {"root": {"$ref": "node.json"}}}""";
        const string node = """{"type": "object", "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "node.json"}}}}""";

        var v1 = Parse(schema, ("node.json", node));
        var v2 = Parse(schema, ("node.json", node.Replace("\"string\"", "\"integer\"", StringComparison.Ordinal)));

        Kinds(v2, v1).ShouldBe(["TYPE_CHANGED #/properties/root/properties/name"]);
        v1.DiffFrom(v1).ShouldBeEmpty();
    }

    [Fact]
    public void Mutually_recursive_definitions_do_not_loop()
    {
        const string schema = """
            {"$ref": "#/definitions/a", "definitions": {
              "a": {"type": "object", "properties": {"b": {"$ref": "#/definitions/b"}, "n": {"type": "integer"}}},
              "b": {"type": "object", "properties": {"a": {"$ref": "#/definitions/a"}}}}}
            """;
        var v1 = Parse(schema);
        var v2 = Parse(schema.Replace("\"integer\"", "\"number\"", StringComparison.Ordinal));

        Kinds(v2, v1).ShouldBe(["TYPE_EXTENDED #/properties/n"]);
        Kinds(v1, v2).ShouldBe(["TYPE_NARROWED #/properties/n"]);
    }

    [Theory]
    [InlineData("""{"properties": {"p": {"$ref": "#street"}}, "definitions": {"s": {"$id": "#street", "type": "string"}}}""")]
    [InlineData("""{"$schema": "https://json-schema.org/draft/2020-12/schema", "properties": {"p": {"$ref": "#street"}}, "$defs": {"s": {"$anchor": "street", "type": "string"}}}""")]
    [InlineData("""{"$schema": "http://json-schema.org/draft-04/schema#", "properties": {"p": {"$ref": "#street"}}, "definitions": {"s": {"id": "#street", "type": "string"}}}""")]
    [InlineData("""{"$schema": "https://json-schema.org/draft/2020-12/schema", "properties": {"p": {"$dynamicRef": "#street"}}, "$defs": {"s": {"$dynamicAnchor": "street", "type": "string"}}}""")]
    [InlineData("""{"$schema": "https://json-schema.org/draft/2019-09/schema", "properties": {"p": {"$recursiveRef": "#/$defs/s"}}, "$defs": {"s": {"type": "string"}}}""")]
    [InlineData("""{"$id": "http://example.com/root.json", "properties": {"p": {"$ref": "street.json"}}, "definitions": {"s": {"$id": "street.json", "type": "string"}}}""")]
    [InlineData("""{"properties": {"p": {"$ref": "#/definitions/a%20b"}}, "definitions": {"a b": {"type": "string"}}}""")]
    [InlineData("""{"properties": {"p": {"$ref": "#/definitions/a~1b~0c"}}, "definitions": {"a/b~c": {"type": "string"}}}""")]
    public void Internal_reference_forms_resolve(string schema)
    {
        var parsed = Parse(schema);
        var typed = Parse("""{"properties": {"p": {"type": "integer"}}}""");

        // The one schema with a root $id also reports ID_CHANGED; what matters is that p was resolved to a string.
        Kinds(typed, parsed).Where(k => !k.StartsWith("ID_CHANGED", StringComparison.Ordinal)).ShouldBe(["TYPE_CHANGED #/properties/p"]);
    }

    private static JsonSchema Parse(string schema, params (string Name, string Text)[] references) =>
        (JsonSchema)Format.Parse(schema, [.. references.Select(r => new SchemaReferenceContent(r.Name, r.Text))]);

    private static string[] Kinds(JsonSchema update, JsonSchema original) =>
        [.. update.Differences(original).Select(d => $"{d.Type} {d.JsonPath}")];
}
