using Shouldly;

namespace Governance.Schemas.Avro.Tests;

public sealed class DiffTests
{
    private static IReadOnlyList<SchemaChange> Diff(string previous, string current) =>
        AvroFormat.ParseAvro(current, []).DiffFrom(AvroFormat.ParseAvro(previous, []));

    private static string Record(string fields, string extra = "") => $"{{\"type\":\"record\",\"name\":\"R\"{extra},\"fields\":[{fields}]}}";

    [Fact]
    public void Field_added_without_default_breaks_backward_only()
    {
        Diff(Record("{\"name\":\"a\",\"type\":\"int\"}"), Record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\"}"))
            .ShouldBe([new SchemaChange("FIELD_ADDED", "/fields/1", "The field 'b' was added to 'R' without a default", true, false)]);
    }

    [Fact]
    public void Field_removed_with_default_breaks_nothing()
    {
        var change = Diff(Record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}"), Record("{\"name\":\"a\",\"type\":\"int\"}")).Single();

        change.Kind.ShouldBe("FIELD_REMOVED");
        change.Path.ShouldBe("/fields/1");
        change.BreaksBackward.ShouldBeFalse();
        change.BreaksForward.ShouldBeFalse();
    }

    [Fact]
    public void Type_promotion_breaks_forward_only()
    {
        var change = Diff(Record("{\"name\":\"a\",\"type\":\"int\"}"), Record("{\"name\":\"a\",\"type\":\"long\"}")).Single();

        change.ShouldBe(new SchemaChange("TYPE_PROMOTED", "/fields/0/type", "The type int was promoted to long", false, true));
    }

    [Fact]
    public void Field_renamed_through_an_alias()
    {
        var changes = Diff(Record("{\"name\":\"a\",\"type\":\"int\"}"), Record("{\"name\":\"b\",\"type\":\"int\",\"aliases\":[\"a\"]}"));

        changes.Select(c => c.Kind).ShouldBe(["FIELD_RENAMED", "FIELD_ALIASES_CHANGED"]);
        var change = changes[0];
        change.BreaksBackward.ShouldBeFalse();
        change.BreaksForward.ShouldBeTrue();
    }

    [Fact]
    public void Defaults_docs_and_orders_are_reported_without_breaking_anything()
    {
        var changes = Diff(
            Record("{\"name\":\"a\",\"type\":\"int\",\"default\":1,\"doc\":\"x\"},{\"name\":\"b\",\"type\":\"int\"},{\"name\":\"c\",\"type\":\"int\",\"default\":3}", ",\"doc\":\"old\""),
            Record("{\"name\":\"a\",\"type\":\"int\",\"default\":2,\"doc\":\"y\",\"order\":\"descending\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0},{\"name\":\"c\",\"type\":\"int\"}", ",\"doc\":\"new\""));

        changes.Select(c => $"{c.Kind}@{c.Path}").ShouldBe(
        [
            "DOC_CHANGED@/doc",
            "FIELD_DEFAULT_CHANGED@/fields/0/default",
            "FIELD_DOC_CHANGED@/fields/0/doc",
            "FIELD_ORDER_CHANGED@/fields/0/order",
            "FIELD_DEFAULT_ADDED@/fields/1/default",
            "FIELD_DEFAULT_REMOVED@/fields/2/default",
        ]);
        changes.ShouldAllBe(c => !c.BreaksBackward && !c.BreaksForward);
    }

    [Fact]
    public void Enum_symbols_added_and_removed()
    {
        var changes = Diff("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}", "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"C\"],\"default\":\"A\"}");

        changes.ShouldBe(
        [
            new SchemaChange("ENUM_SYMBOL_ADDED", "/symbols/1", "The symbol 'C' was added to enum 'E'", false, true),
            new SchemaChange("ENUM_SYMBOL_REMOVED", "/symbols/1", "The symbol 'B' was removed from enum 'E'", false, false),
            new SchemaChange("ENUM_DEFAULT_CHANGED", "/default", "The default of enum 'E' changed from none to A", false, false),
        ]);
    }

    [Fact]
    public void Union_branches_added_and_removed()
    {
        var changes = Diff("[\"null\",\"int\"]", "[\"null\",\"string\"]");

        changes.ShouldBe(
        [
            new SchemaChange("UNION_BRANCH_ADDED", "/1", "The union gained the branch string", false, true),
            new SchemaChange("UNION_BRANCH_REMOVED", "/1", "The union lost the branch int", true, false),
        ]);
    }

    [Fact]
    public void Type_made_nullable_and_names_and_sizes_changed()
    {
        Diff("\"int\"", "[\"null\",\"int\"]").Single().ShouldBe(new SchemaChange("TYPE_CHANGED_TO_UNION", "/", "The type int became the union [null, int]", false, true));
        Diff("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}", "{\"type\":\"fixed\",\"name\":\"G\",\"size\":8}").Select(c => (c.Kind, c.BreaksBackward, c.BreaksForward))
            .ShouldBe([("NAME_CHANGED", true, true), ("FIXED_SIZE_CHANGED", true, true)]);
    }

    [Fact]
    public void Logical_types_and_custom_properties_are_reported()
    {
        Diff("\"long\"", "{\"type\":\"long\",\"logicalType\":\"timestamp-micros\",\"x\":1}").Select(c => c.Kind)
            .ShouldBe(["LOGICAL_TYPE_CHANGED", "PROPERTIES_CHANGED"]);
    }

    [Fact]
    public void Recursive_schemas_are_compared_without_looping()
    {
        var list = "{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"v\",\"type\":\"int\"},{\"name\":\"next\",\"type\":[\"null\",\"Node\"]}]}";
        var widened = "{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"v\",\"type\":\"long\"},{\"name\":\"next\",\"type\":[\"null\",\"Node\"]}]}";

        Diff(list, widened).Single().Kind.ShouldBe("TYPE_PROMOTED");
    }
}
