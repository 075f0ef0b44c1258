using Governance.Schemas.Json.Text;
using Shouldly;
using Xunit;

namespace Governance.Schemas.Json.Tests;

/// <summary>
/// The stored text is Confluent's <c>canonicalString()</c> (Jackson, compact, keys in order); <c>normalize</c> sorts keys.
/// </summary>
public sealed class CanonicalTextTests
{
    private static readonly JsonSchemaFormat Format = new();

    [Theory]
    [InlineData("{ \"type\" : \"object\",\n  \"properties\": { \"b\": {\"type\": \"string\"}, \"a\": {\"type\": \"integer\"} } }",
        """{"type":"object","properties":{"b":{"type":"string"},"a":{"type":"integer"}}}""")]
    [InlineData("""{"minimum": 1.50, "maximum": 1e3, "multipleOf": 0.0000001, "default": -0, "examples": [12e2, -0.0, 0.000001, 10]}""",
        """{"minimum":1.50,"maximum":1E+3,"multipleOf":1E-7,"default":0,"examples":[1.2E+3,0.0,0.000001,10]}""")]
    [InlineData("""{"description": "caf\u00e9 / \"q\" \\ tab\there \u0001"}""",
        "{\"description\":\"café / \\\"q\\\" \\\\ tab\\there \\u0001\"}")]
    [InlineData("""{"type": "string", "title": "a", "type": "integer"}""", """{"type":"integer","title":"a"}""")]
    [InlineData(" true ", "true")]
    public void Canonical_text_is_the_compact_jackson_rendering(string schema, string expected)
    {
        Format.Parse(schema, []).CanonicalText.ShouldBe(expected);
    }

    [Fact]
    public void A_repeated_keyword_means_its_last_value_as_in_jackson()
    {
        var repeated = (JsonSchema)Format.Parse("""{"type": "string", "maxLength": 3, "type": "integer"}""", []);
        var plain = (JsonSchema)Format.Parse("""{"type": "integer", "maxLength": 3}""", []);

        plain.Differences(repeated).ShouldBeEmpty();
        repeated.CanonicalText.ShouldBe("""{"type":"integer","maxLength":3}""");
    }

    [Fact]
    public void A_repeated_name_in_a_large_object_keeps_its_first_place_and_last_value()
    {
        var members = Enumerable.Range(0, 20).Select(i => $"\"p{i}\": {{\"type\": \"string\"}}").ToList();
        members.Add("\"p3\": {\"type\": \"integer\"}");

        var schema = Format.Parse($"{{\"properties\": {{{string.Join(", ", members)}}}}}", []);

        schema.CanonicalText.ShouldStartWith("""{"properties":{"p0":{"type":"string"},"p1":{"type":"string"},"p2":{"type":"string"},"p3":{"type":"integer"},"p4":""");
        schema.CanonicalText.ShouldEndWith("\"p19\":{\"type\":\"string\"}}}");
        var lastWins = (JsonSchema)Format.Parse(schema.CanonicalText, []);
        lastWins.Differences((JsonSchema)schema).ShouldBeEmpty();
        ((JsonSchema)schema).Differences(lastWins).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-12", "-12")]
    [InlineData("123.4500", "123.4500")]
    [InlineData("1.0e-10", "1.0E-10")]
    [InlineData("0.00", "0.00")]
    [InlineData("-1.5E+2", "-1.5E+2")]
    [InlineData("150e-1", "15.0")]
    [InlineData("1e0", "1")]
    [InlineData("0e5", "0E+5")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    public void Decimal_literals_print_as_java_BigDecimal(string literal, string expected)
    {
        JacksonJson.NumberText(literal).ShouldBe(expected);
    }

    [Fact]
    public void Normalize_sorts_keys_at_every_level_and_keeps_array_order()
    {
        var schema = Format.Parse("""{"type": "object", "required": ["b", "a"], "properties": {"b": {"type": "string", "maxLength": 3}, "a": {}}}""", []);

        var normalized = schema.Normalize();

        normalized.CanonicalText.ShouldBe("""{"properties":{"a":{},"b":{"maxLength":3,"type":"string"}},"required":["b","a"],"type":"object"}""");
        normalized.SchemaType.ShouldBe("JSON");
    }

    [Fact]
    public void Schemas_that_differ_only_in_key_order_normalize_to_the_same_text()
    {
        var one = Format.Parse("""{"title": "T", "type": "object", "properties": {"x": {"type": "integer", "minimum": 0}}}""", []);
        var other = Format.Parse("""{"properties": {"x": {"minimum": 0, "type": "integer"}}, "type": "object", "title": "T"}""", []);

        one.CanonicalText.ShouldNotBe(other.CanonicalText);
        one.Normalize().CanonicalText.ShouldBe(other.Normalize().CanonicalText);
    }

    [Fact]
    public void Normal_form_is_stable_and_means_the_same_schema()
    {
        var schema = (JsonSchema)Format.Parse("""{"type": "object", "properties": {"b": {"type": "string"}, "a": {"type": "integer"}}, "additionalProperties": false}""", []);

        var normalized = (JsonSchema)schema.Normalize();

        normalized.Normalize().CanonicalText.ShouldBe(normalized.CanonicalText);
        normalized.Differences(schema).ShouldBeEmpty();
        Format.Parse(normalized.CanonicalText, []).CanonicalText.ShouldBe(normalized.CanonicalText);
    }

    [Fact]
    public void A_schema_already_in_normal_form_is_its_own_normal_form()
    {
        var schema = Format.Parse("""{"maxLength":3,"type":"string"}""", []);

        schema.Normalize().ShouldBeSameAs(schema);
    }

    [Theory]
    [InlineData(null, JsonSchemaDraft.Draft7)]
    [InlineData("http://json-schema.org/draft-04/schema#", JsonSchemaDraft.Draft4)]
    [InlineData("https://json-schema.org/draft-04/schema", JsonSchemaDraft.Draft4)]
    [InlineData("http://json-schema.org/draft-06/schema#", JsonSchemaDraft.Draft6)]
    [InlineData("http://json-schema.org/draft-07/schema", JsonSchemaDraft.Draft7)]
    [InlineData("https://json-schema.org/draft/2019-09/schema", JsonSchemaDraft.Draft2019_09)]
    [InlineData("https://json-schema.org/draft/2020-12/schema", JsonSchemaDraft.Draft2020_12)]
    [InlineData("https://example.com/my-meta-schema", JsonSchemaDraft.Draft7)]
    public void Draft_is_named_by_schema_keyword(string? url, JsonSchemaDraft expected)
    {
        var text = url is null ? """{"type": "string"}""" : $$"""{"$schema": "{{url}}", "type": "string"}""";

        ((JsonSchema)Format.Parse(text, [])).Draft.ShouldBe(expected);
    }
}
