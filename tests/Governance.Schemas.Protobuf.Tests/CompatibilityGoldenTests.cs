using Governance.Schemas.Protobuf.Compatibility;

namespace Governance.Schemas.Protobuf.Tests;

/// <summary>The golden cases under Compatibility/: our checker reports Confluent's differences and verdict for each.</summary>
public sealed class CompatibilityGoldenTests
{
    private static readonly Dictionary<string, CompatibilityCase> Cases = CompatibilityCase.LoadAll();
    private static readonly ProtobufFormat Format = new();

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reports_confluents_differences(string caseName)
    {
        var (old, updated) = Load(Cases[caseName]);

        var differences = SchemaDiff.Compare(old.File, updated.File).Select(d => $"{d.Kind} {d.Path}");

        differences.ShouldBe(Cases[caseName].Changes, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Gives_confluents_verdict_with_verbose_messages(string caseName)
    {
        var golden = Cases[caseName];
        var (old, updated) = Load(golden);

        var issues = updated.CheckBackwardCompatibility(old);

        (issues.Count == 0).ShouldBe(golden.Compatible);
        var expectedIssues = golden.Changes.Where(c => !Difference.CompatibleKinds.Contains(c.Split(' ')[0]));
        issues.Select(i => $"{i.Kind} {i.Path}").ShouldBe(expectedIssues, ignoreOrder: true);
        foreach (var issue in issues)
        {
            issue.Message.ShouldStartWith($"{{errorType:\"{issue.Kind}\", description:\"");
            issue.Message.ShouldContain($"'{issue.Path}'");
            issue.Message.ShouldContain("new schema");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Semantic_diff_marks_what_breaks_backward(string caseName)
    {
        var golden = Cases[caseName];
        var (old, updated) = Load(golden);

        var changes = updated.DiffFrom(old);

        foreach (var expected in golden.Changes)
        {
            var kind = expected.Split(' ')[0];
            var path = expected.Split(' ')[1];
            var change = changes.First(c => c.Kind == kind && c.Path == path);
            change.BreaksBackward.ShouldBe(!Difference.CompatibleKinds.Contains(kind));
            change.Description.ShouldNotBeNullOrWhiteSpace();
        }

        // Forward compatibility is backward compatibility with the roles swapped.
        var forwardBreaks = changes.Any(c => c.BreaksForward);
        forwardBreaks.ShouldBe(old.CheckBackwardCompatibility(updated).Count > 0);
    }

    private static (ProtobufSchema Old, ProtobufSchema New) Load(CompatibilityCase golden) =>
        ((ProtobufSchema)Format.Parse(golden.Old, golden.OldReferences), (ProtobufSchema)Format.Parse(golden.New, golden.NewReferences));
}
