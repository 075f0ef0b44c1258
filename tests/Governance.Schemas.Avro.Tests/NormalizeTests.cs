using Shouldly;

namespace Governance.Schemas.Avro.Tests;

/// <summary>
/// Confluent's <c>normalize=true</c> (AvroSchemaUtils.toNormalizedString in confluentinc/schema-registry): the expected
/// texts are what Confluent stores, its normal form rendered again by Java's <c>Schema.toString()</c>.
/// </summary>
public sealed class NormalizeTests
{
    private static string Normalized(string text, params SchemaReferenceContent[] references) =>
        AvroFormat.ParseAvro(text, references).Normalize().CanonicalText;

    [Fact]
    public void Sorts_properties_and_aliases_converts_defaults_and_drops_an_empty_doc()
    {
        var text = """
            {"type":"record","name":"R","namespace":"com.x","doc":"","aliases":["Z","A"],"b":1,"a":2,"fields":[
              {"name":"a","type":"int","default":1},
              {"name":"d","type":"double","default":1},
              {"name":"f","type":"float","default":0.1},
              {"name":"t","type":{"x":true,"logicalType":"timestamp-millis","type":"long"}},
              {"name":"o","type":["null","string"],"default":null,"aliases":["q","p"]}]}
            """;

        Normalized(text).ShouldBe(
            "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"com.x\",\"fields\":["
            + "{\"name\":\"a\",\"type\":\"int\",\"default\":1},"
            + "{\"name\":\"d\",\"type\":\"double\",\"default\":1.0},"
            + "{\"name\":\"f\",\"type\":\"float\",\"default\":0.1},"
            + "{\"name\":\"t\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\",\"x\":true}},"
            + "{\"name\":\"o\",\"type\":[\"null\",\"string\"],\"default\":null,\"aliases\":[\"p\",\"q\"]}],"
            + "\"a\":2,\"b\":1,\"aliases\":[\"A\",\"Z\"]}");
    }

    [Fact]
    public void Schemas_differing_only_in_property_and_alias_order_normalize_to_the_same_text()
    {
        var first = "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"],\"x\":1,\"y\":2,\"aliases\":[\"P\",\"Q\"]}";
        var second = "{\"y\":2,\"aliases\":[\"Q\",\"P\"],\"x\":1,\"symbols\":[\"A\",\"B\"],\"name\":\"E\",\"type\":\"enum\"}";

        AvroFormat.ParseAvro(first, []).CanonicalText.ShouldNotBe(AvroFormat.ParseAvro(second, []).CanonicalText);
        Normalized(second).ShouldBe(Normalized(first));
    }

    [Fact]
    public void Puts_logical_type_attributes_first()
    {
        Normalized("{\"type\":\"bytes\",\"scale\":0,\"precision\":5,\"logicalType\":\"decimal\"}")
            .ShouldBe("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":5,\"scale\":0}");
        Normalized("{\"size\":12,\"logicalType\":\"duration\",\"name\":\"D\",\"type\":\"fixed\",\"doc\":\"how long\"}")
            .ShouldBe("{\"type\":\"fixed\",\"name\":\"D\",\"doc\":\"how long\",\"size\":12,\"logicalType\":\"duration\"}");
    }

    [Fact]
    public void Is_idempotent()
    {
        var text = "{\"type\":\"record\",\"name\":\"a.R\",\"fields\":[{\"name\":\"e\",\"type\":{\"type\":\"enum\",\"name\":\"b.E\",\"symbols\":[\"X\"],\"default\":\"X\"}},{\"name\":\"again\",\"type\":\"b.E\"}]}";
        var once = AvroFormat.ParseAvro(text, []).Normalize();

        once.Normalize().CanonicalText.ShouldBe(once.CanonicalText);
    }

    [Fact]
    public void Keeps_types_from_references_by_name()
    {
        var color = new SchemaReferenceContent("com.example.Color", "{\"type\":\"enum\",\"name\":\"Color\",\"namespace\":\"com.example\",\"symbols\":[\"RED\"]}");

        Normalized("{\"type\":\"record\",\"name\":\"Car\",\"namespace\":\"com.example\",\"fields\":[{\"name\":\"color\",\"type\":\"Color\"}]}", color)
            .ShouldBe("{\"type\":\"record\",\"name\":\"Car\",\"namespace\":\"com.example\",\"fields\":[{\"name\":\"color\",\"type\":\"Color\"}]}");
    }

    [Fact]
    public void Drops_a_union_default_that_does_not_convert_to_the_first_branch_as_Confluent_does()
    {
        Normalized("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":[\"null\",\"string\"],\"default\":\"x\"}]}")
            .ShouldBe("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":[\"null\",\"string\"]}]}");
    }

    [Fact]
    public void Keeps_descending_order_and_field_docs()
    {
        Normalized("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"doc\":\"\",\"order\":\"descending\",\"name\":\"a\",\"type\":\"int\"}]}")
            .ShouldBe("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"doc\":\"\",\"order\":\"descending\"}]}");
    }
}
