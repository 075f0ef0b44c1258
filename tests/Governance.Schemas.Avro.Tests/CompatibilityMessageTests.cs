using Shouldly;

namespace Governance.Schemas.Avro.Tests;

/// <summary>The verbose lines Confluent Schema Registry prints (Difference.java with SchemaValidatorBuilder's roles).</summary>
public sealed class CompatibilityMessageTests
{
    private static AvroSchema Parse(string text) => AvroFormat.ParseAvro(text, []);

    private static readonly AvroSchema OneField = Parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f1\",\"type\":\"int\"}]}");
    private static readonly AvroSchema TwoFields = Parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f1\",\"type\":\"int\"},{\"name\":\"f2\",\"type\":\"string\"}]}");

    [Fact]
    public void Missing_default_when_the_new_schema_reads_old_data()
    {
        TwoFields.CheckBackwardCompatibility(OneField).Single().ShouldBe(new CompatibilityIssue(
            "READER_FIELD_MISSING_DEFAULT_VALUE",
            "/fields/1",
            "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'f2'}"));
    }

    [Fact]
    public void Missing_default_when_the_old_schema_reads_new_data_names_the_roles_the_other_way()
    {
        TwoFields.CheckCanRead(OneField, readerRole: "old", writerRole: "new").Single().Message.ShouldBe(
            "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path '/fields/1' in the old schema has no default value and is missing in the new schema', additionalInfo:'f2'}");
    }

    [Fact]
    public void Type_mismatch()
    {
        Parse("\"int\"").CheckBackwardCompatibility(Parse("\"long\"")).Single().Message.ShouldBe(
            "{errorType:'TYPE_MISMATCH', description:'The type (path '/') of a field in the new schema does not match with the old schema', additionalInfo:'reader type: INT not compatible with writer type: LONG'}");
    }

    [Fact]
    public void Missing_enum_symbols_are_listed_sorted()
    {
        var issue = Parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}")
            .CheckBackwardCompatibility(Parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"D\",\"A\",\"C\"]}")).Single();

        issue.Message.ShouldBe(
            "{errorType:'MISSING_ENUM_SYMBOLS', description:'The new schema is missing enum symbols '[C, D]' at path '/symbols' in the old schema', additionalInfo:'[C, D]'}");
    }

    [Fact]
    public void Fixed_size_name_and_union_messages()
    {
        Parse("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}").CheckBackwardCompatibility(Parse("{\"type\":\"fixed\",\"name\":\"F\",\"size\":8}")).Single().Message.ShouldBe(
            "{errorType:'FIXED_SIZE_MISMATCH', description:'The size of FIXED type field at path '/size' in the new schema does not match with the old schema', additionalInfo:'expected: 8, found: 4'}");
        Parse("{\"type\":\"fixed\",\"name\":\"G\",\"size\":4}").CheckBackwardCompatibility(Parse("{\"type\":\"fixed\",\"name\":\"n.F\",\"size\":4}")).Single().Message.ShouldBe(
            "{errorType:'NAME_MISMATCH', description:'The name of the schema has changed (path '/name')', additionalInfo:'expected: n.F'}");
        Parse("[\"null\",\"int\"]").CheckBackwardCompatibility(Parse("[\"null\",\"int\",\"string\"]")).Single().Message.ShouldBe(
            "{errorType:'MISSING_UNION_BRANCH', description:'The new schema is missing a type inside a union field at path '/2' in the old schema', additionalInfo:'reader union lacking writer type: STRING'}");
    }

    [Fact]
    public void A_schema_of_another_format_is_incompatible()
    {
        var issue = OneField.CheckBackwardCompatibility(new OtherFormatSchema()).Single();

        issue.Kind.ShouldBe("TYPE_MISMATCH");
        issue.Message.ShouldBe("Incompatible because of different schema type");
        OneField.DiffFrom(new OtherFormatSchema()).Single().BreaksBackward.ShouldBeTrue();
    }

    private sealed class OtherFormatSchema : ParsedSchema
    {
        public override string SchemaType => "JSON";

        public override string CanonicalText => "{}";

        public override ParsedSchema Normalize() => this;

        public override IReadOnlyList<CompatibilityIssue> CheckBackwardCompatibility(ParsedSchema previous) => [];

        public override IReadOnlyList<SchemaChange> DiffFrom(ParsedSchema previous) => [];
    }
}
