using Governance.Schemas.Avro.Model;
using Shouldly;

namespace Governance.Schemas.Avro.Tests;

public sealed class ParserTests
{
    private static AvroSchema Parse(string text, params SchemaReferenceContent[] references) => AvroFormat.ParseAvro(text, references);

    [Theory]
    [InlineData("\"null\"", AvroTypeKind.Null)]
    [InlineData("\"boolean\"", AvroTypeKind.Boolean)]
    [InlineData("\"int\"", AvroTypeKind.Int)]
    [InlineData("\"long\"", AvroTypeKind.Long)]
    [InlineData("\"float\"", AvroTypeKind.Float)]
    [InlineData("\"double\"", AvroTypeKind.Double)]
    [InlineData("\"bytes\"", AvroTypeKind.Bytes)]
    [InlineData("\"string\"", AvroTypeKind.String)]
    [InlineData("{\"type\":\"string\"}", AvroTypeKind.String)]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}", AvroTypeKind.Record)]
    [InlineData("{\"type\":\"error\",\"name\":\"Oops\",\"fields\":[]}", AvroTypeKind.Record)]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"],\"default\":\"B\"}", AvroTypeKind.Enum)]
    [InlineData("{\"type\":\"array\",\"items\":\"int\"}", AvroTypeKind.Array)]
    [InlineData("{\"type\":\"map\",\"values\":\"long\"}", AvroTypeKind.Map)]
    [InlineData("[\"null\",\"string\"]", AvroTypeKind.Union)]
    [InlineData("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}", AvroTypeKind.Fixed)]
    [InlineData("/* comments are allowed, as Java Avro allows them */ \"int\"", AvroTypeKind.Int)]
    public void Parses_every_schema_form(string text, AvroTypeKind kind) => Parse(text).Root.Kind.ShouldBe(kind);

    [Fact]
    public void The_error_type_is_a_record_written_back_as_error()
    {
        var schema = Parse("{\"type\":\"error\",\"name\":\"Oops\",\"fields\":[]}");

        schema.Root.ShouldBeOfType<AvroRecordType>().IsError.ShouldBeTrue();
        schema.CanonicalText.ShouldBe("{\"type\":\"error\",\"name\":\"Oops\",\"fields\":[]}");
    }

    [Theory]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":9,\"scale\":2}", "decimal")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"D\",\"size\":4,\"logicalType\":\"decimal\",\"precision\":9}", "decimal")]
    [InlineData("{\"type\":\"string\",\"logicalType\":\"uuid\"}", "uuid")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"U\",\"size\":16,\"logicalType\":\"uuid\"}", "uuid")]
    [InlineData("{\"type\":\"int\",\"logicalType\":\"date\"}", "date")]
    [InlineData("{\"type\":\"int\",\"logicalType\":\"time-millis\"}", "time-millis")]
    [InlineData("{\"type\":\"long\",\"logicalType\":\"time-micros\"}", "time-micros")]
    [InlineData("{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}", "timestamp-millis")]
    [InlineData("{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}", "timestamp-micros")]
    [InlineData("{\"type\":\"long\",\"logicalType\":\"timestamp-nanos\"}", "timestamp-nanos")]
    [InlineData("{\"type\":\"long\",\"logicalType\":\"local-timestamp-millis\"}", "local-timestamp-millis")]
    [InlineData("{\"type\":\"long\",\"logicalType\":\"local-timestamp-micros\"}", "local-timestamp-micros")]
    [InlineData("{\"type\":\"long\",\"logicalType\":\"local-timestamp-nanos\"}", "local-timestamp-nanos")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"Dur\",\"size\":12,\"logicalType\":\"duration\"}", "duration")]
    public void Recognises_valid_logical_types(string text, string logicalType) =>
        Parse(text).Root.LogicalType.ShouldNotBeNull().Name.ShouldBe(logicalType);

    [Theory]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":0}")]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":2,\"scale\":3}")]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":-1}")]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\"}")]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":\"4\"}")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"D\",\"size\":2,\"logicalType\":\"decimal\",\"precision\":5}")]
    [InlineData("{\"type\":\"string\",\"logicalType\":\"decimal\",\"precision\":4}")]
    [InlineData("{\"type\":\"long\",\"logicalType\":\"date\"}")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"U\",\"size\":8,\"logicalType\":\"uuid\"}")]
    [InlineData("{\"type\":\"int\",\"logicalType\":\"timestamp-millis\"}")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"Dur\",\"size\":10,\"logicalType\":\"duration\"}")]
    [InlineData("{\"type\":\"string\",\"logicalType\":\"no-such-type\"}")]
    public void An_invalid_logical_type_falls_back_to_the_underlying_type_and_is_kept_as_a_property(string text)
    {
        var schema = Parse(text);

        schema.Root.LogicalType.ShouldBeNull();
        schema.Root.Properties.ShouldContain(p => p.Name == "logicalType");
        schema.CanonicalText.ShouldContain("\"logicalType\"");
    }

    [Fact]
    public void The_largest_decimal_precision_a_fixed_can_hold_is_accepted()
    {
        // floor(log10(2^(8*2-1))) = floor(4.51) = 4 digits fit in fixed(2).
        Parse("{\"type\":\"fixed\",\"name\":\"D\",\"size\":2,\"logicalType\":\"decimal\",\"precision\":4}").Root.LogicalType.ShouldNotBeNull();
    }

    [Fact]
    public void Namespaces_are_inherited_from_the_enclosing_name_and_dotted_names_carry_their_own()
    {
        var schema = Parse("""
            {"type":"record","name":"Outer","namespace":"com.example","fields":[
              {"name":"a","type":{"type":"record","name":"Inner","fields":[]}},
              {"name":"b","type":{"type":"enum","name":"org.other.Color","symbols":["RED"]}},
              {"name":"c","type":{"type":"fixed","name":"Hash","namespace":"","size":4}},
              {"name":"d","type":"Inner"},
              {"name":"e","type":"org.other.Color"}]}
            """);

        var fields = schema.Root.ShouldBeOfType<AvroRecordType>().Fields;
        fields[0].Type.ShouldBeOfType<AvroRecordType>().FullName.ShouldBe("com.example.Inner");
        fields[1].Type.ShouldBeOfType<AvroEnumType>().FullName.ShouldBe("org.other.Color");
        fields[2].Type.ShouldBeOfType<AvroFixedType>().FullName.ShouldBe("Hash");
        fields[3].Type.ShouldBeSameAs(fields[0].Type);
        fields[4].Type.ShouldBeSameAs(fields[1].Type);
    }

    [Fact]
    public void Aliases_doc_order_and_custom_properties_are_kept()
    {
        var schema = Parse("""
            {"type":"record","name":"R","namespace":"n","aliases":["Old","x.Older"],"doc":"a record","x-owner":"team",
             "fields":[{"name":"a","type":"int","aliases":["b"],"order":"descending","doc":"field a","x-pii":true}]}
            """);

        var record = schema.Root.ShouldBeOfType<AvroRecordType>();
        record.AliasFullNames.ShouldBe(["n.Old", "x.Older"]);
        record.Doc.ShouldBe("a record");
        record.Properties.Single().Name.ShouldBe("x-owner");
        var field = record.Fields[0];
        field.Aliases.ShouldBe(["b"]);
        field.Order.ShouldBe(AvroFieldOrder.Descending);
        field.Doc.ShouldBe("field a");
        field.Properties.Single().Name.ShouldBe("x-pii");
    }

    [Fact]
    public void A_record_may_refer_to_itself()
    {
        var schema = Parse("{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"next\",\"type\":[\"null\",\"Node\"]}]}");

        var node = schema.Root.ShouldBeOfType<AvroRecordType>();
        node.Fields[0].Type.ShouldBeOfType<AvroUnionType>().Branches[1].ShouldBeSameAs(node);
    }

    [Fact]
    public void Named_types_from_references_are_known_in_order()
    {
        var color = new SchemaReferenceContent("com.example.Color", "{\"type\":\"enum\",\"name\":\"Color\",\"namespace\":\"com.example\",\"symbols\":[\"RED\"]}");
        var paint = new SchemaReferenceContent("com.example.Paint", "{\"type\":\"record\",\"name\":\"Paint\",\"namespace\":\"com.example\",\"fields\":[{\"name\":\"color\",\"type\":\"Color\"}]}");

        var schema = Parse("{\"type\":\"record\",\"name\":\"Car\",\"namespace\":\"com.example\",\"fields\":[{\"name\":\"paint\",\"type\":\"Paint\"},{\"name\":\"trim\",\"type\":\"com.example.Color\"}]}", color, paint);

        schema.Root.ShouldBeOfType<AvroRecordType>().Fields[1].Type.ShouldBeOfType<AvroEnumType>().Symbols.ShouldBe(["RED"]);
    }

    [Fact]
    public void A_name_may_be_used_before_its_definition_as_Avro_1_12_allows()
    {
        var schema = Parse("""
            {"type":"record","name":"Order","namespace":"shop","fields":[
              {"name":"billing","type":"Address"},
              {"name":"shipping","type":{"type":"record","name":"Address","fields":[{"name":"city","type":"string"}]}}]}
            """);

        var fields = schema.Root.ShouldBeOfType<AvroRecordType>().Fields;
        fields[0].Type.ShouldBeSameAs(fields[1].Type);
        schema.CanonicalText.ShouldBe(
            "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"fields\":["
            + "{\"name\":\"billing\",\"type\":{\"type\":\"record\",\"name\":\"Address\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}},"
            + "{\"name\":\"shipping\",\"type\":\"Address\"}]}");
    }

    [Fact]
    public void A_null_namespace_or_doc_counts_as_absent_as_in_Java_Avro()
    {
        var schema = Parse("{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"fields\":[{\"name\":\"e\",\"type\":{\"type\":\"enum\",\"name\":\"E\",\"namespace\":null,\"doc\":null,\"symbols\":[\"A\"]}}]}");

        var enumType = schema.Root.ShouldBeOfType<AvroRecordType>().Fields[0].Type.ShouldBeOfType<AvroEnumType>();
        enumType.FullName.ShouldBe("n.E");
        enumType.Doc.ShouldBeNull();
    }

    [Fact]
    public void A_union_default_may_match_any_branch_as_in_Avro_1_12()
    {
        Parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":[\"null\",\"string\"],\"default\":\"x\"}]}")
            .Root.ShouldBeOfType<AvroRecordType>().Fields[0].HasDefault.ShouldBeTrue();
    }

    [Theory]
    [InlineData("{\"type\":\"int\"", "Malformed JSON")]
    [InlineData("\"int\" \"long\"", "Malformed JSON")]
    [InlineData("", "Malformed JSON")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"doc\":\"\\ud800\",\"symbols\":[\"A\"]}", "at '/doc': the text is not valid UTF-16")]
    [InlineData("42", "at '/': a schema must be a type name, an object or a union array, not the number 42")]
    [InlineData("{\"name\":\"R\"}", "at '/': a schema object needs a 'type' attribute")]
    [InlineData("{\"type\":{\"type\":\"int\"}}", "at '/': a schema object needs a 'type' attribute")]
    [InlineData("{\"type\":\"record\",\"name\":\"1R\",\"fields\":[]}", "at '/name': name '1R' starts with '1'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"com.1x\",\"fields\":[]}", "at '/namespace': namespace 'com.1x' part '1x'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a-b\",\"type\":\"int\"}]}", "at '/fields/0/name': field name 'a-b' contains '-'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"a\",\"type\":\"long\"}]}", "at '/fields/1/name': duplicate field name 'a' in record 'R'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\"}", "at '/': record 'R' has no 'fields' array")]
    [InlineData("{\"type\":\"record\",\"fields\":[]}", "at '/': named type has no 'name' string")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\"}]}", "at '/fields/0': field 'a' has no 'type'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"order\":\"sideways\"}]}", "at '/fields/0/order'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"order\":\"1\"}]}", "at '/fields/0/order'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"B\"},{\"name\":\"b\",\"type\":{\"type\":\"enum\",\"name\":\"B\",\"symbols\":[\"X\",\"X\"]}}]}", "at '/fields/1/type/symbols/1': duplicate enum symbol 'X'")]
    [InlineData("{\"type\":\"record\",\"name\":\"int\",\"fields\":[]}", "at '/name': a named type may not be named after the primitive type 'int'")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}", "at '/symbols/1': duplicate enum symbol 'A' in enum 'E'")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B-C\"]}", "at '/symbols/1': enum symbol 'B-C' contains '-'")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"],\"default\":\"Z\"}", "at '/default': enum default \"Z\" is not one of the symbols [A] of enum 'E'")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\"}", "at '/': enum 'E' has no 'symbols' array")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}", "at '/fields/0/default': default \"x\" of field 'a' does not match its type int")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":2147483648}]}", "at '/fields/0/default'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":1.5}]}", "at '/fields/0/default'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":[\"null\",\"int\"],\"default\":\"x\"}]}", "at '/fields/0/default': default \"x\" of field 'a' does not match its type [null, int]")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":{\"type\":\"array\",\"items\":\"int\"},\"default\":[1,\"2\"]}]}", "at '/fields/0/default'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"double\",\"default\":\"abc\"}]}", "at '/fields/0/default': default \"abc\" of field 'a' is not a number")]
    [InlineData("{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"next\",\"type\":[\"Node\",\"null\"],\"default\":{}}]}", "at '/fields/0/default': default {} of field 'next' does not match its type [Node, null]")]
    [InlineData("[\"int\",\"int\"]", "at '/1': duplicate type 'int' in union")]
    [InlineData("[\"null\",{\"type\":\"array\",\"items\":\"int\"},{\"type\":\"array\",\"items\":\"long\"}]", "at '/2': duplicate type 'array' in union")]
    [InlineData("[\"null\",[\"int\"]]", "at '/1': a union may not directly contain another union")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"Missing\"}]}", "at '/fields/0/type': unknown type name 'Missing'")]
    [InlineData("{\"type\":\"com.example.Missing\"}", "at '/type': unknown type name 'com.example.Missing'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":{\"type\":\"fixed\",\"name\":\"R\",\"size\":1}}]}", "at '/fields/0/type/name': type name 'R' is already defined")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"F\"}", "at '/': fixed 'F' has no 'size'")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"F\",\"size\":\"16\"}", "at '/size': fixed 'F' has size \"16\"")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"F\",\"size\":-1}", "at '/size'")]
    [InlineData("{\"type\":\"array\"}", "at '/': array has no 'items' type")]
    [InlineData("{\"type\":\"map\",\"values\":\"nope\"}", "at '/values': unknown type name 'nope'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"aliases\":\"Old\",\"fields\":[]}", "at '/aliases': aliases must be an array of strings")]
    public void Rejects_invalid_schemas_naming_the_problem_and_where(string text, string expected)
    {
        var error = Should.Throw<InvalidSchemaException>(() => Parse(text));

        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_bad_referenced_schema_is_named_in_the_message()
    {
        var error = Should.Throw<InvalidSchemaException>(() =>
            Parse("\"int\"", new SchemaReferenceContent("com.example.Bad", "{\"type\":\"enum\",\"name\":\"Bad\",\"symbols\":[\"A\",\"A\"]}")));

        error.Message.ShouldContain("in referenced schema 'com.example.Bad' at '/symbols/1'");
    }

    [Fact]
    public void A_name_defined_by_a_reference_cannot_be_defined_again()
    {
        var color = new SchemaReferenceContent("Color", "{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\"]}");

        Should.Throw<InvalidSchemaException>(() => Parse("{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\"]}", color))
            .Message.ShouldContain("type name 'Color' is already defined");
    }

    [Fact]
    public void The_format_is_AVRO_and_parses_through_the_interface()
    {
        ISchemaFormat format = new AvroFormat();

        format.SchemaType.ShouldBe("AVRO");
        format.Parse("\"string\"", []).ShouldBeOfType<AvroSchema>().SchemaType.ShouldBe("AVRO");
    }
}
