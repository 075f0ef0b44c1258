using Shouldly;
using Xunit;

namespace Governance.Schemas.Json.Tests;

/// <summary>Invalid schemas are refused with a message that says what is wrong and where (a JSON pointer).</summary>
public sealed class SchemaRejectionTests
{
    private static readonly JsonSchemaFormat Format = new();

    [Theory]
    [InlineData("""{"type": "string" """, "Invalid JSON in the schema at line 1")]
    [InlineData("""{"type": "string"} trailing""", "Invalid JSON in the schema")]
    [InlineData("{\"type\": \"string\", // comment\n}", "Invalid JSON in the schema")]
    [InlineData("\"string\"", "Invalid JSON Schema at #: a schema must be a JSON object or a boolean, found string \"string\"")]
    [InlineData("[]", "Invalid JSON Schema at #: a schema must be a JSON object or a boolean, found array []")]
    [InlineData("42", "a schema must be a JSON object or a boolean, found number 42")]
    [InlineData("null", "a schema must be a JSON object or a boolean, found null")]
    [InlineData("""{"properties": {"a": "string"}}""", "at #/properties/a: a schema must be a JSON object or a boolean")]
    [InlineData("""{"items": [{"type": "string"}, 7]}""", "at #/items/1: a schema must be a JSON object or a boolean")]
    [InlineData("""{"type": 5}""", "at #/type: \"type\" must be a type name or an array of type names, found number 5")]
    [InlineData("""{"properties": {"a": {"type": "strin"}}}""", "at #/properties/a/type: unknown type \"strin\"; the types are array, boolean, integer, null, number, object, string")]
    [InlineData("""{"type": ["string", "string"]}""", "at #/type: \"type\" must not name a type twice")]
    [InlineData("""{"required": "x"}""", "at #/required: \"required\" must be an array of distinct strings, found string \"x\"")]
    [InlineData("""{"required": ["a", 1]}""", "at #/required: \"required\" must be an array of distinct strings")]
    [InlineData("""{"properties": {"age": {"type": "string", "minLength": -1}}}""", "at #/properties/age/minLength: \"minLength\" must be a non-negative integer, found number -1")]
    [InlineData("""{"maxItems": 1.5}""", "at #/maxItems: \"maxItems\" must be a non-negative integer, found number 1.5")]
    [InlineData("""{"maxProperties": "3"}""", "at #/maxProperties: \"maxProperties\" must be a non-negative integer")]
    [InlineData("""{"minimum": "0"}""", "at #/minimum: \"minimum\" must be a number")]
    [InlineData("""{"multipleOf": 0}""", "at #/multipleOf: \"multipleOf\" must be a number greater than 0")]
    [InlineData("""{"pattern": "("}""", "at #/pattern: not a valid regular expression")]
    [InlineData("""{"patternProperties": {"[": {}}}""", "at #/patternProperties/[: not a valid regular expression")]
    [InlineData("""{"oneOf": {"type": "string"}}""", "at #/oneOf: \"oneOf\" must be an array of schemas")]
    [InlineData("""{"additionalProperties": "no"}""", "at #/additionalProperties: \"additionalProperties\" must be a schema (an object or a boolean)")]
    [InlineData("""{"properties": []}""", "at #/properties: \"properties\" must be an object whose values are schemas")]
    [InlineData("""{"enum": "red"}""", "at #/enum: \"enum\" must be an array")]
    [InlineData("""{"uniqueItems": "yes"}""", "at #/uniqueItems: \"uniqueItems\" must be a boolean")]
    [InlineData("""{"title": 3}""", "at #/title: \"title\" must be a string")]
    [InlineData("""{"$schema": "http://json-schema.org/draft-04/schema#", "exclusiveMaximum": 5}""", "at #/exclusiveMaximum: \"exclusiveMaximum\" must be a boolean in draft 4")]
    [InlineData("""{"exclusiveMaximum": true}""", "at #/exclusiveMaximum: \"exclusiveMaximum\" must be a number")]
    [InlineData("""{"$schema": "https://json-schema.org/draft/2020-12/schema", "items": [{"type": "string"}]}""", "at #/items: \"items\" must be a schema")]
    [InlineData("""{"dependencies": {"a": 3}}""", "at #/dependencies/a: \"a\" must be a schema or an array of property names")]
    [InlineData("""{"definitions": {"x": {"type": 1}}}""", "at #/definitions/x/type: \"type\" must be a type name or an array of type names")]
    [InlineData("""{"properties": {"a": {"$ref": "#/definitions/missing"}}}""", "at #/properties/a/$ref: cannot resolve \"$ref\": \"#/definitions/missing\"")]
    [InlineData("""{"$ref": "address.json"}""", "at #/$ref: cannot resolve \"$ref\": \"address.json\"")]
    [InlineData("""{"$ref": "#nowhere"}""", "at #/$ref: cannot resolve \"$ref\": \"#nowhere\"")]
    [InlineData("""{"$ref": "#/definitions/a", "definitions": {"a": {"$ref": "#/definitions/a"}}}""", "only leads to itself (a circular $ref)")]
    public void Invalid_schema_is_refused_naming_the_problem_and_place(string schema, string expected)
    {
        var error = Should.Throw<InvalidSchemaException>(() => Format.Parse(schema, []));

        error.Message.ShouldContain(expected, Case.Sensitive);
    }

    [Fact]
    public void Invalid_reference_is_refused_naming_the_reference()
    {
        var error = Should.Throw<InvalidSchemaException>(() =>
            Format.Parse("""{"$ref": "address.json"}""", [new SchemaReferenceContent("address.json", """{"properties": {"zip": {"type": "zipcode"}}}""")]));

        error.Message.ShouldContain("at 'address.json' #/properties/zip/type: unknown type \"zipcode\"", Case.Sensitive);
    }

    [Fact]
    public void Malformed_reference_text_is_refused_naming_the_reference()
    {
        var error = Should.Throw<InvalidSchemaException>(() =>
            Format.Parse("""{"$ref": "address.json"}""", [new SchemaReferenceContent("address.json", "{")]));

        error.Message.ShouldContain("Invalid JSON in reference 'address.json'", Case.Sensitive);
    }

    [Theory]
    [InlineData("""{"type": "string", "x-unknown-keyword": {"anything": [1, 2]}}""")]
    [InlineData("""{"$schema": "http://example.com/my-own-meta-schema", "type": "string"}""")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("{}")]
    [InlineData("""{"$schema": "http://json-schema.org/draft-06/schema#", "properties": {"a": true, "b": false}}""")]
    [InlineData("""{"maxLength": 2.0}""")]
    [InlineData("""{"$schema": "http://json-schema.org/draft-04/schema#", "type": "object", "required": []}""")]
    [InlineData("""{"allOf": [], "type": []}""")]
    public void Unknown_keywords_and_boolean_schemas_are_accepted(string schema)
    {
        Format.Parse(schema, []).SchemaType.ShouldBe("JSON");
    }

    [Fact]
    public void Schema_nested_to_the_limit_parses_and_compares()
    {
        // 127 subschemas nest JSON objects 255 deep, within the default limit of 256.
        var v1 = (JsonSchema)Format.Parse(Nested(127, "string"), []);
        var v2 = (JsonSchema)Format.Parse(Nested(127, "integer"), []);

        var difference = v2.Differences(v1).ShouldHaveSingleItem();

        difference.Type.ToString().ShouldBe("TYPE_CHANGED");
        difference.JsonPath.ShouldBe("#/" + string.Join("/", Enumerable.Repeat("properties/a", 127)));
    }

    [Fact]
    public void Schema_nested_deeper_than_the_limit_is_refused_naming_the_limit_and_where()
    {
        var error = Should.Throw<InvalidSchemaException>(() => Format.Parse(Nested(128, "string"), []));

        error.Message.ShouldBe("In the schema at line 1, position 2689: nesting deeper than the maximum nesting depth of 256 (MaxNestingDepth)");
    }

    private static string Nested(int levels, string leafType) =>
        string.Concat(Enumerable.Repeat("{\"properties\": {\"a\": ", levels)) + $"{{\"type\": \"{leafType}\"}}" + new string('}', 2 * levels);
}
