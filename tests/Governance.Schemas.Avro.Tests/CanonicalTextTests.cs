using Shouldly;

namespace Governance.Schemas.Avro.Tests;

/// <summary>
/// The canonical text is Java Avro's <c>Schema.toString()</c>: these expectations follow the attribute order of Java
/// Avro 1.12's <c>toJson</c> methods.
/// </summary>
public sealed class CanonicalTextTests
{
    private static string Canonical(string text, params SchemaReferenceContent[] references) => AvroFormat.ParseAvro(text, references).CanonicalText;

    [Theory]
    [InlineData("\"int\"", "\"int\"")]
    [InlineData("{ \"type\" : \"int\" }", "\"int\"")]
    [InlineData("{\"type\":\"string\",\"avro.java.string\":\"String\"}", "{\"type\":\"string\",\"avro.java.string\":\"String\"}")]
    [InlineData("{\"logicalType\":\"timestamp-millis\",\"type\":\"long\"}", "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}")]
    [InlineData("{\"items\":{\"type\":\"int\"},\"type\":\"array\",\"x\":1}", "{\"type\":\"array\",\"items\":\"int\",\"x\":1}")]
    [InlineData("{\"values\":\"long\",\"type\":\"map\"}", "{\"type\":\"map\",\"values\":\"long\"}")]
    [InlineData("[ \"null\" , {\"type\":\"string\"} ]", "[\"null\",\"string\"]")]
    [InlineData("{\"size\":16,\"name\":\"Id\",\"type\":\"fixed\",\"logicalType\":\"uuid\",\"doc\":\"an id\",\"aliases\":[\"Key\"]}",
        "{\"type\":\"fixed\",\"name\":\"Id\",\"doc\":\"an id\",\"size\":16,\"logicalType\":\"uuid\",\"aliases\":[\"Key\"]}")]
    [InlineData("{\"symbols\":[\"A\",\"B\"],\"default\":\"A\",\"x-owner\":\"me\",\"aliases\":[\"Old\"],\"name\":\"E\",\"type\":\"enum\",\"doc\":\"letters\"}",
        "{\"type\":\"enum\",\"name\":\"E\",\"doc\":\"letters\",\"symbols\":[\"A\",\"B\"],\"default\":\"A\",\"x-owner\":\"me\",\"aliases\":[\"Old\"]}")]
    public void Renders_attributes_in_Java_order(string text, string expected) => Canonical(text).ShouldBe(expected);

    [Fact]
    public void Renders_records_and_fields_in_Java_order()
    {
        var text = """
            {
              "fields": [
                {"x-pii": true, "aliases": ["old_a"], "order": "descending", "default": 1, "doc": "field a", "type": "int", "name": "a"},
                {"type": {"type": "array", "items": "string"}, "name": "tags", "default": []}
              ],
              "aliases": ["OldRecord"], "x-owner": "team", "doc": "a record", "namespace": "com.example", "name": "Rec", "type": "record"
            }
            """;

        Canonical(text).ShouldBe(
            "{\"type\":\"record\",\"name\":\"Rec\",\"namespace\":\"com.example\",\"doc\":\"a record\",\"fields\":["
            + "{\"name\":\"a\",\"type\":\"int\",\"doc\":\"field a\",\"default\":1,\"order\":\"descending\",\"aliases\":[\"old_a\"],\"x-pii\":true},"
            + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"},\"default\":[]}],"
            + "\"x-owner\":\"team\",\"aliases\":[\"OldRecord\"]}");
    }

    [Fact]
    public void Equivalent_texts_differing_in_whitespace_and_attribute_order_have_the_same_canonical_text()
    {
        var first = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":0}]}";
        var second = """
            { "namespace" : "n", "fields" : [ { "default" : 0, "type" : { "type" : "int" }, "name" : "a" } ],
              "name" : "R", "type" : "record" }
            """;

        Canonical(second).ShouldBe(Canonical(first));
        Canonical(Canonical(second)).ShouldBe(Canonical(first));
    }

    [Fact]
    public void Writes_a_namespace_only_where_it_differs_from_the_enclosing_one()
    {
        var text = """
            {"type":"record","name":"a.b.Outer","fields":[
              {"name":"same","type":{"type":"record","name":"Inner","fields":[]}},
              {"name":"other","type":{"type":"record","name":"c.Other","fields":[]}},
              {"name":"none","type":{"type":"enum","name":"Plain","namespace":"","symbols":["X"]}},
              {"name":"again","type":"Inner"},
              {"name":"otherAgain","type":"c.Other"},
              {"name":"noneAgain","type":"Plain"}]}
            """;

        Canonical(text).ShouldBe(
            "{\"type\":\"record\",\"name\":\"Outer\",\"namespace\":\"a.b\",\"fields\":["
            + "{\"name\":\"same\",\"type\":{\"type\":\"record\",\"name\":\"Inner\",\"fields\":[]}},"
            + "{\"name\":\"other\",\"type\":{\"type\":\"record\",\"name\":\"Other\",\"namespace\":\"c\",\"fields\":[]}},"
            + "{\"name\":\"none\",\"type\":{\"type\":\"enum\",\"name\":\"Plain\",\"namespace\":\"\",\"symbols\":[\"X\"]}},"
            + "{\"name\":\"again\",\"type\":\"Inner\"},"
            + "{\"name\":\"otherAgain\",\"type\":\"c.Other\"},"
            + "{\"name\":\"noneAgain\",\"type\":\"Plain\"}]}");
    }

    [Fact]
    public void A_named_type_called_like_a_type_keyword_is_referred_to_by_its_full_name()
    {
        var text = "{\"type\":\"record\",\"name\":\"n.R\",\"fields\":[{\"name\":\"a\",\"type\":{\"type\":\"fixed\",\"name\":\"record\",\"size\":1}},{\"name\":\"b\",\"type\":\"n.record\"}]}";

        Canonical(text).ShouldEndWith("{\"name\":\"b\",\"type\":\"n.record\"}]}");
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-0", "0")]
    [InlineData("1.50", "1.5")]
    [InlineData("1e3", "1000.0")]
    [InlineData("1.0", "1.0")]
    [InlineData("12345678.9", "1.23456789E7")]
    [InlineData("0.0001", "1.0E-4")]
    [InlineData("\"2.5\"", "2.5")]
    public void Writes_numeric_defaults_as_Jackson_does(string given, string written) =>
        Canonical($"{{\"type\":\"record\",\"name\":\"R\",\"fields\":[{{\"name\":\"d\",\"type\":\"double\",\"default\":{given}}}]}}")
            .ShouldBe($"{{\"type\":\"record\",\"name\":\"R\",\"fields\":[{{\"name\":\"d\",\"type\":\"double\",\"default\":{written}}}]}}");

    [Fact]
    public void Escapes_strings_as_Jackson_does()
    {
        var text = "{\"type\":\"enum\",\"name\":\"E\",\"doc\":\"caf\\u00e9 \\\"q\\\" \\\\ \\n\\t\\u0001 /\",\"symbols\":[\"A\"]}";

        Canonical(text).ShouldBe("{\"type\":\"enum\",\"name\":\"E\",\"doc\":\"café \\\"q\\\" \\\\ \\n\\t\\u0001 /\",\"symbols\":[\"A\"]}");
    }

    [Fact]
    public void A_repeated_attribute_keeps_its_first_position_and_last_value()
    {
        Canonical("{\"type\":\"string\",\"x\":1,\"y\":2,\"x\":3}").ShouldBe("{\"type\":\"string\",\"x\":3,\"y\":2}");
    }

    [Fact]
    public void Types_defined_by_references_are_written_by_name_and_inlined_by_the_resolved_format()
    {
        var color = new SchemaReferenceContent("com.example.Color", "{\"type\":\"enum\",\"name\":\"Color\",\"namespace\":\"com.example\",\"symbols\":[\"RED\"]}");
        var schema = AvroFormat.ParseAvro("{\"type\":\"record\",\"name\":\"Car\",\"namespace\":\"com.example\",\"fields\":[{\"name\":\"color\",\"type\":\"Color\"}]}", [color]);

        schema.CanonicalText.ShouldBe("{\"type\":\"record\",\"name\":\"Car\",\"namespace\":\"com.example\",\"fields\":[{\"name\":\"color\",\"type\":\"Color\"}]}");
        schema.FormatAs("resolved").ShouldBe(
            "{\"type\":\"record\",\"name\":\"Car\",\"namespace\":\"com.example\",\"fields\":[{\"name\":\"color\",\"type\":{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\"]}}]}");
        schema.FormatAs("serialized").ShouldBeNull();
    }
}
