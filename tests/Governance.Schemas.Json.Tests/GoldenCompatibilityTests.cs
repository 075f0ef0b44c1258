using Governance.Schemas.Json.Compatibility;
using Shouldly;
using Xunit;

namespace Governance.Schemas.Json.Tests;

/// <summary>The golden cases of <c>Golden/*.json</c>: differences, BACKWARD verdict, and the semantic diff agreeing with both.</summary>
public sealed class GoldenCompatibilityTests
{
    private static readonly JsonSchemaFormat Format = new();

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in System.IO.Directory.GetFiles(GoldenCase.Directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var cases = GoldenCase.ReadFile(name);
            for (var i = 0; i < cases.Count; i++)
            {
                data.Add(new TheoryDataRow<string, int>(name, i) { TestDisplayName = $"{name} #{i}: {cases[i].Description}" });
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Differences_are_the_ones_Confluent_reports(string file, int index)
    {
        var golden = GoldenCase.ReadFile(file)[index];
        var (original, update) = Parse(golden);

        var differences = update.Differences(original).Select(d => $"{d.Type} {d.JsonPath}").Order(StringComparer.Ordinal);

        differences.ShouldBe(golden.Changes.Order(StringComparer.Ordinal), golden.Description);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_verdict_is_Confluents(string file, int index)
    {
        var golden = GoldenCase.ReadFile(file)[index];
        var (original, update) = Parse(golden);

        var issues = update.CheckBackwardCompatibility(original);

        (issues.Count == 0).ShouldBe(golden.Compatible, golden.Description);
        foreach (var issue in issues)
        {
            CompatibleChanges.Strict.ShouldNotContain(Enum.Parse<DifferenceType>(issue.Kind));
            golden.Changes.ShouldContain($"{issue.Kind} {issue.Path}");
            issue.Message.ShouldStartWith($"{{errorType:\"{issue.Kind}\", description:\"");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Semantic_diff_marks_backward_breaks_as_the_verdict_does(string file, int index)
    {
        var golden = GoldenCase.ReadFile(file)[index];
        var (original, update) = Parse(golden);

        var changes = update.DiffFrom(original);
        var forwardIssues = original.CheckBackwardCompatibility(update);

        changes.Any(c => c.BreaksBackward).ShouldBe(!golden.Compatible, golden.Description);
        changes.Any(c => c.BreaksForward).ShouldBe(forwardIssues.Count > 0, golden.Description);
        changes.ShouldAllBe(c => c.Description.Length > 0);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Canonical_and_normal_forms_mean_the_same_schema(string file, int index)
    {
        var golden = GoldenCase.ReadFile(file)[index];
        foreach (var schema in new[] { golden.Original, golden.Update })
        {
            var parsed = (JsonSchema)Format.Parse(schema.GetRawText(), []);
            var reparsed = (JsonSchema)Format.Parse(parsed.CanonicalText, []);
            var normalized = (JsonSchema)Format.Parse(parsed.Normalize().CanonicalText, []);

            reparsed.CanonicalText.ShouldBe(parsed.CanonicalText);
            normalized.Normalize().CanonicalText.ShouldBe(normalized.CanonicalText);

            // Confluent reports an unchanged "not" as NOT_TYPE_NARROWED; nothing else may differ.
            normalized.Differences(parsed).ShouldAllBe(d => d.Type == DifferenceType.NOT_TYPE_NARROWED, golden.Description);
            parsed.DiffFrom(normalized).ShouldAllBe(c => !c.BreaksBackward && !c.BreaksForward, golden.Description);
        }
    }

    private static (JsonSchema Original, JsonSchema Update) Parse(GoldenCase golden) =>
        ((JsonSchema)Format.Parse(golden.Original.GetRawText(), []), (JsonSchema)Format.Parse(golden.Update.GetRawText(), []));
}
