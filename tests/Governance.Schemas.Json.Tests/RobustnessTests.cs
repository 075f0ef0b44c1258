using Shouldly;
using Xunit;

namespace Governance.Schemas.Json.Tests;

/// <summary>Odd but well-formed input is either a schema or an <see cref="InvalidSchemaException"/>, never another failure.</summary>
public sealed class RobustnessTests
{
    private static readonly JsonSchemaFormat Format = new();

    public static TheoryData<string> OddSchemas() =>
    [
        """{"properties": {"a": {"$ref": "#/properties/a"}}}""",
        """{"$ref": "#"}""",
        """{"$ref": "#/definitions/a", "definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}}}""",
        """{"items": {"$ref": "#/items"}}""",
        """{"$ref": "#/definitions/a/b/c"}""",
        """{"$ref": "http://[bad"}""",
        """{"$ref": "#/required/0", "required": ["a"]}""",
        """{"$ref": "#/properties", "properties": {"type": {"type": "string"}}}""",
        """{"$id": "::::", "type": "string"}""",
        """{"$id": "#only-a-fragment", "type": "string"}""",
        """{"minLength": 1e400}""",
        """{"minimum": 1e400, "maximum": -1e400}""",
        """{"multipleOf": 1e30}""",
        """{"multipleOf": 1e-30}""",
        """{"maxLength": 3000000000}""",
        """{"pattern": "(?<=a)b"}""",
        """{"type": "string", "enum": [1, {"a": [1, 2]}, null], "const": {"x": null}}""",
        """{"anyOf": [{"$ref": "#"}, {"type": "null"}]}""",
        """{"properties": {"": {"type": "string"}, "a/b": {"type": "string"}, "~": {"type": "string"}}}""",
        """{"patternProperties": {"^\\d+$": {"$ref": "#"}}, "additionalProperties": {"$ref": "#/patternProperties/^\\d+$"}}""",
        """{"$schema": "https://json-schema.org/draft/2020-12/schema", "$dynamicRef": "#nowhere"}""",
        """{"dependencies": {"a": true, "b": false, "c": []}}""",
        """{"not": {"not": {"not": {}}}}""",
        """{"if": true, "then": false, "else": {"$ref": "#"}}""",
    ];

    [Theory]
    [MemberData(nameof(OddSchemas))]
    public void Odd_schema_parses_or_is_refused_as_invalid(string schema)
    {
        try
        {
            var parsed = Format.Parse(schema, []);
            parsed.CanonicalText.ShouldNotBeEmpty();
        }
        catch (InvalidSchemaException e)
        {
            e.Message.ShouldStartWith("Invalid JSON Schema at ");
        }
    }

    [Fact]
    public void Every_pair_of_odd_schemas_compares()
    {
        var parsed = new List<ParsedSchema>();
        foreach (var schema in OddSchemas())
        {
            try
            {
                parsed.Add(Format.Parse(schema.Data, []));
            }
            catch (InvalidSchemaException)
            {
                // Refused schemas are covered above.
            }
        }

        parsed.Count.ShouldBeGreaterThan(10);
        foreach (var original in parsed)
        {
            foreach (var update in parsed)
            {
                update.CheckBackwardCompatibility(original).ShouldNotBeNull();
                update.DiffFrom(original).ShouldNotBeNull();
            }
        }
    }

    [Fact]
    public void A_pattern_that_backtracks_badly_does_not_break_the_check()
    {
        const string name = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";
        var original = Format.Parse("""{"patternProperties": {"^(a+)+$": {"type": "string"}}, "additionalProperties": false}""", []);
        var update = (JsonSchema)Format.Parse(
            $$$"""{"properties": {"{{{name}}}": {"type": "integer"}}, "patternProperties": {"^(a+)+$": {"type": "string"}}, "additionalProperties": false}""", []);

        update.Differences((JsonSchema)original).Select(d => d.Type.ToString()).ShouldBe(["OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL"]);
    }
}
