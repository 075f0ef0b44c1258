using Shouldly;
using Xunit;

namespace Governance.Schemas.Json.Tests;

/// <summary>
/// STRICT and LENIENT over the combinations that matter for one property: open or closed content model, added or removed,
/// and the property optional, required, or required with a default.
/// </summary>
public sealed class CompatibilityPolicyTests
{
    private static readonly JsonSchemaFormat Format = new();

    [Theory]
    // Added to an open content model: old data may already carry the name with any value.
    [InlineData(CompatibilityPolicy.Strict, "open", "added", "optional", false)]
    [InlineData(CompatibilityPolicy.Strict, "open", "added", "required", false)]
    [InlineData(CompatibilityPolicy.Strict, "open", "added", "defaulted", false)]
    [InlineData(CompatibilityPolicy.Lenient, "open", "added", "optional", true)]
    [InlineData(CompatibilityPolicy.Lenient, "open", "added", "required", false)]
    [InlineData(CompatibilityPolicy.Lenient, "open", "added", "defaulted", true)]
    // Added to a closed content model: old data cannot carry the name.
    [InlineData(CompatibilityPolicy.Strict, "closed", "added", "optional", true)]
    [InlineData(CompatibilityPolicy.Strict, "closed", "added", "required", false)]
    [InlineData(CompatibilityPolicy.Strict, "closed", "added", "defaulted", true)]
    [InlineData(CompatibilityPolicy.Lenient, "closed", "added", "optional", true)]
    [InlineData(CompatibilityPolicy.Lenient, "closed", "added", "required", false)]
    [InlineData(CompatibilityPolicy.Lenient, "closed", "added", "defaulted", true)]
    // Removed from an open content model: the new schema still accepts it as an extra property.
    [InlineData(CompatibilityPolicy.Strict, "open", "removed", "optional", true)]
    [InlineData(CompatibilityPolicy.Strict, "open", "removed", "required", true)]
    [InlineData(CompatibilityPolicy.Strict, "open", "removed", "defaulted", true)]
    [InlineData(CompatibilityPolicy.Lenient, "open", "removed", "optional", true)]
    [InlineData(CompatibilityPolicy.Lenient, "open", "removed", "required", true)]
    [InlineData(CompatibilityPolicy.Lenient, "open", "removed", "defaulted", true)]
    // Removed from a closed content model: STRICT refuses, LENIENT lets the reader ignore it.
    [InlineData(CompatibilityPolicy.Strict, "closed", "removed", "optional", false)]
    [InlineData(CompatibilityPolicy.Strict, "closed", "removed", "required", false)]
    [InlineData(CompatibilityPolicy.Strict, "closed", "removed", "defaulted", false)]
    [InlineData(CompatibilityPolicy.Lenient, "closed", "removed", "optional", true)]
    [InlineData(CompatibilityPolicy.Lenient, "closed", "removed", "required", true)]
    [InlineData(CompatibilityPolicy.Lenient, "closed", "removed", "defaulted", true)]
    public void Property_change_verdict(CompatibilityPolicy policy, string model, string change, string property, bool compatible)
    {
        var without = Schema(model, withProperty: null);
        var with = Schema(model, withProperty: property);
        var (original, update) = change == "added" ? (without, with) : (with, without);

        var issues = ((JsonSchema)Format.Parse(update, [])).CheckBackwardCompatibility(Format.Parse(original, []), policy);

        (issues.Count == 0).ShouldBe(compatible, string.Join("; ", issues.Select(i => i.Message)));
    }

    [Fact]
    public void Lenient_reaches_into_trial_comparisons_of_union_branches()
    {
        // The branch matches only if an optional property added to its open model is tolerated.
        var original = Format.Parse("""{"anyOf": [{"type": "object", "properties": {"a": {"type": "string"}}}, {"type": "null"}]}""", []);
        var update = (JsonSchema)Format.Parse(
            """{"anyOf": [{"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}}, {"type": "null"}]}""", []);

        update.CheckBackwardCompatibility(original, CompatibilityPolicy.Strict).Select(i => i.Kind).ShouldBe(["COMBINED_TYPE_SUBSCHEMAS_CHANGED"]);
        update.CheckBackwardCompatibility(original, CompatibilityPolicy.Lenient).ShouldBeEmpty();
    }

    [Fact]
    public void Lenient_tolerates_closing_an_open_content_model()
    {
        var original = Format.Parse("""{"type": "object", "properties": {"a": {"type": "string"}}}""", []);
        var update = (JsonSchema)Format.Parse("""{"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": false}""", []);

        update.CheckBackwardCompatibility(original).Select(i => i.Kind).ShouldBe(["ADDITIONAL_PROPERTIES_REMOVED"]);
        update.CheckBackwardCompatibility(original, CompatibilityPolicy.Lenient).ShouldBeEmpty();
    }

    [Fact]
    public void Policies_hold_as_many_compatible_kinds_as_Confluents()
    {
        Compatibility.CompatibleChanges.Strict.Count.ShouldBe(65);
        Compatibility.CompatibleChanges.Lenient.Count.ShouldBe(74);
        Compatibility.CompatibleChanges.Lenient.IsSupersetOf(Compatibility.CompatibleChanges.Strict).ShouldBeTrue();
    }

    private static string Schema(string model, string? withProperty)
    {
        var properties = withProperty switch
        {
            null => """{"a": {"type": "string"}}""",
            "defaulted" => """{"a": {"type": "string"}, "b": {"type": "integer", "default": 0}}""",
            _ => """{"a": {"type": "string"}, "b": {"type": "integer"}}""",
        };
        var required = withProperty is "required" or "defaulted" ? """, "required": ["b"]""" : string.Empty;
        var closed = model == "closed" ? """, "additionalProperties": false""" : string.Empty;
        return $$"""{"type": "object", "properties": {{properties}}{{required}}{{closed}}}""";
    }
}
