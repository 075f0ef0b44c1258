using Shouldly;

namespace Governance.Schemas.Avro.Tests;

public sealed class GoldenCompatibilityTests
{
    public static TheoryData<string> Cases => GoldenCase.Names();

    [Fact]
    public void There_are_enough_golden_cases_to_cover_the_rules()
    {
        GoldenCase.All.Count.ShouldBeGreaterThanOrEqualTo(60);
        GoldenCase.All.Select(c => c.Id).ShouldBeUnique();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_new_schema_reads_old_data(string id)
    {
        var golden = GoldenCase.Find(id);

        var issues = golden.ParseNew().CheckBackwardCompatibility(golden.ParseOld());

        issues.Select(i => $"{i.Kind}@{i.Path}").ShouldBe(golden.Backward);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_old_schema_reads_new_data(string id)
    {
        var golden = GoldenCase.Find(id);

        var issues = golden.ParseOld().CheckBackwardCompatibility(golden.ParseNew());

        issues.Select(i => $"{i.Kind}@{i.Path}").ShouldBe(golden.Forward);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_issue_carries_a_Confluent_verbose_message_naming_its_kind_and_path(string id)
    {
        var golden = GoldenCase.Find(id);

        var issues = golden.ParseNew().CheckBackwardCompatibility(golden.ParseOld());

        foreach (var issue in issues)
        {
            issue.Message.ShouldStartWith($"{{errorType:'{issue.Kind}', description:'");
            issue.Message.ShouldContain($"path '{issue.Path}'");
            issue.Message.ShouldEndWith("'}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diff_agrees_with_the_compatibility_check_in_both_directions(string id)
    {
        var golden = GoldenCase.Find(id);

        var changes = golden.ParseNew().DiffFrom(golden.ParseOld());

        changes.Any(c => c.BreaksBackward).ShouldBe(golden.Backward.Count > 0, string.Join("; ", changes));
        changes.Any(c => c.BreaksForward).ShouldBe(golden.Forward.Count > 0, string.Join("; ", changes));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_schema_is_compatible_with_itself_and_has_no_changes(string id)
    {
        var golden = GoldenCase.Find(id);
        var schema = golden.ParseNew();

        schema.CheckBackwardCompatibility(golden.ParseNew()).ShouldBeEmpty();
        schema.DiffFrom(golden.ParseNew()).ShouldBeEmpty();
    }
}
