using Shouldly;
using Xunit;

namespace Governance.Schemas.Json.Tests;

/// <summary>What the registry shows: Confluent's verbose lines for incompatibilities, and the semantic diff in both directions.</summary>
public sealed class CompatibilityAnswerTests
{
    private static readonly JsonSchemaFormat Format = new();

    private const string Open = """{"type": "object", "properties": {"a": {"type": "string", "maxLength": 10}}}""";
    private const string OpenWithB = """{"type": "object", "properties": {"a": {"type": "string", "maxLength": 10}, "b": {"type": "integer"}}}""";
    private const string Closed = """{"type": "object", "properties": {"a": {"type": "string", "maxLength": 10}}, "additionalProperties": false}""";
    private const string ClosedWithB = """{"type": "object", "properties": {"a": {"type": "string", "maxLength": 10}, "b": {"type": "integer"}}, "additionalProperties": false}""";

    [Fact]
    public void Verbose_message_is_confluents_line()
    {
        var issues = Format.Parse(OpenWithB, []).CheckBackwardCompatibility(Format.Parse(Open, []));

        issues.ShouldBe([new CompatibilityIssue(
            "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
            "#/properties/b",
            "{errorType:\"OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL\", description:\"The new schema has an open content model and has a property or item at path '#/properties/b' which is missing in the old schema\"}")]);
    }

    [Theory]
    [InlineData("""{"type": "string", "maxLength": 5}""", "{errorType:\"MAX_LENGTH_DECREASED\", description:\"The value at path '#/maxLength' in the new schema is less than its value in the old schema\"}")]
    [InlineData("""{"type": "integer"}""", "{errorType:\"TYPE_CHANGED\", description:\"A type at path '#/' is different between the new schema and the old schema\"}")]
    [InlineData("""{"type": "string", "maxLength": 10, "pattern": "^a"}""", "{errorType:\"PATTERN_ADDED\", description:\"The keyword at path '#/pattern' in the new schema is not present in the old schema\"}")]
    public void Verbose_messages_follow_confluents_sentences(string update, string expected)
    {
        var issues = Format.Parse(update, []).CheckBackwardCompatibility(Format.Parse("""{"type": "string", "maxLength": 10}""", []));

        issues.Select(i => i.Message).ShouldBe([expected]);
    }

    [Fact]
    public void Another_format_is_never_compatible()
    {
        var json = Format.Parse(Open, []);

        json.CheckBackwardCompatibility(new OtherFormatSchema()).ShouldBe(
            [new CompatibilityIssue("SCHEMA_TYPE_CHANGED", "#/", "Incompatible because of different schema type")]);
        json.DiffFrom(new OtherFormatSchema()).ShouldAllBe(c => c.BreaksBackward && c.BreaksForward);
    }

    [Fact]
    public void Property_added_to_an_open_model_breaks_backward_only()
    {
        var changes = Format.Parse(OpenWithB, []).DiffFrom(Format.Parse(Open, []));

        changes.ShouldBe([new SchemaChange(
            "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", "#/properties/b",
            "The new schema has an open content model and has a property or item at path '#/properties/b' which is missing in the old schema",
            BreaksBackward: true, BreaksForward: false)]);
    }

    [Fact]
    public void Property_added_to_a_closed_model_breaks_forward_only()
    {
        var change = Format.Parse(ClosedWithB, []).DiffFrom(Format.Parse(Closed, [])).ShouldHaveSingleItem();

        change.Kind.ShouldBe("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL");
        change.Path.ShouldBe("#/properties/b");
        change.BreaksBackward.ShouldBeFalse();
        change.BreaksForward.ShouldBeTrue();
    }

    [Fact]
    public void Widening_breaks_forward_and_annotations_break_nothing()
    {
        var changes = Format.Parse("""{"type": "object", "title": "New", "properties": {"a": {"type": "string", "maxLength": 20}}}""", [])
            .DiffFrom(Format.Parse(Open, []));

        changes.Select(c => (c.Kind, c.Path, c.BreaksBackward, c.BreaksForward)).ShouldBe(
        [
            ("TITLE_CHANGED", "#/", false, false),
            ("MAX_LENGTH_INCREASED", "#/properties/a/maxLength", false, true),
        ], ignoreOrder: true);
        changes.Single(c => c.Kind == "TITLE_CHANGED").Description.ShouldBe("title changed at path '#/'");
    }

    [Fact]
    public void Identical_schemas_have_no_differences()
    {
        Format.Parse(Closed, []).DiffFrom(Format.Parse(Closed, [])).ShouldBeEmpty();
    }

    private sealed class OtherFormatSchema : ParsedSchema
    {
        public override string SchemaType => "AVRO";

        public override string CanonicalText => "\"string\"";

        public override ParsedSchema Normalize() => this;

        public override IReadOnlyList<CompatibilityIssue> CheckBackwardCompatibility(ParsedSchema previous) => [];

        public override IReadOnlyList<SchemaChange> DiffFrom(ParsedSchema previous) => [];
    }
}
