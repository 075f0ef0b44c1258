using Governance.Registry.Compatibility;
using Shouldly;

namespace Governance.Registry.Tests;

/// <summary>Which versions each level compares against, in which direction, and how the messages are worded.</summary>
public sealed class CompatibilityCheckerTests
{
    private readonly StubSchema _v1 = new("v1");
    private readonly StubSchema _v2 = new("v2");
    private readonly StubSchema _candidate = new("candidate");

    private List<VersionedSchema> History => [new(1, _v1), new(2, _v2)];

    [Theory]
    [InlineData(CompatibilityLevel.Backward, false)]
    [InlineData(CompatibilityLevel.BackwardTransitive, true)]
    [InlineData(CompatibilityLevel.Full, false)]
    [InlineData(CompatibilityLevel.FullTransitive, true)]
    [InlineData(CompatibilityLevel.Forward, false)]
    [InlineData(CompatibilityLevel.None, false)]
    public void Only_transitive_levels_look_past_the_latest_version(CompatibilityLevel level, bool fails)
    {
        _candidate.CannotRead(_v1, "cannot read v1");
        _v1.CannotRead(_candidate, "v1 cannot read");

        var messages = CompatibilityChecker.Check(level, _candidate, History);

        (messages.Count > 0).ShouldBe(fails);
        if (fails)
        {
            messages.ShouldContain("{oldSchemaVersion: 1}");
        }
    }

    [Fact]
    public void Backward_has_the_new_schema_read_the_old_one_and_names_the_old_schema()
    {
        _candidate.CannotRead(_v2, "The field 'x' in the %s schema has no default value and is missing in the %s schema");

        CompatibilityChecker.Check(CompatibilityLevel.Backward, _candidate, History).ShouldBe(
        [
            "The field 'x' in the new schema has no default value and is missing in the old schema",
            "{oldSchemaVersion: 2}",
            "{oldSchema: 'v2'}",
        ]);
    }

    [Fact]
    public void Forward_has_the_old_schema_read_the_new_one_and_rewords_backward_lines()
    {
        _v2.CannotRead(_candidate, "The field 'x' at path '/fields/0' in the new schema has no default value and is missing in the old schema");

        CompatibilityChecker.Check(CompatibilityLevel.Forward, _candidate, History).ShouldBe(
        [
            "The field 'x' at path '/fields/0' in the old schema has no default value and is missing in the new schema",
            "{oldSchemaVersion: 2}",
            "{oldSchema: 'v2'}",
        ]);
    }

    [Fact]
    public void Full_lists_the_forward_lines_then_the_backward_lines_then_the_old_schema()
    {
        _v2.CannotRead(_candidate, "The %s schema is missing enum symbols 'B' at path '/' in the %s schema");
        _candidate.CannotRead(_v2, "backward problem");

        CompatibilityChecker.Check(CompatibilityLevel.Full, _candidate, History).ShouldBe(
        [
            "The old schema is missing enum symbols 'B' at path '/' in the new schema",
            "backward problem",
            "{oldSchemaVersion: 2}",
            "{oldSchema: 'v2'}",
        ]);
    }

    [Fact]
    public void Transitive_checks_stop_at_the_newest_version_that_fails()
    {
        var v3 = new StubSchema("v3");
        _candidate.CannotRead(_v2, "not v2");
        _candidate.CannotRead(_v1, "not v1");

        var messages = CompatibilityChecker.Check(CompatibilityLevel.BackwardTransitive, _candidate, [new(1, _v1), new(2, _v2), new(3, v3)]);

        messages.ShouldBe(["not v2", "{oldSchemaVersion: 2}", "{oldSchema: 'v2'}"]);
    }

    [Fact]
    public void Schemas_of_different_types_are_incompatible()
    {
        var other = new StubSchema("other", "OTHER");

        CompatibilityChecker.Check(CompatibilityLevel.Backward, other, History)
            .ShouldBe(["Incompatible because of different schema type", "{oldSchemaVersion: 2}", "{oldSchema: 'v2'}"]);
    }

    [Fact]
    public void An_old_schema_longer_than_10_KiB_is_truncated_in_the_message()
    {
        var large = new StubSchema(new string('x', 20_000));
        _candidate.CannotRead(large, "problem");

        var messages = CompatibilityChecker.Check(CompatibilityLevel.Backward, _candidate, [new(1, large)]);

        messages[2].ShouldBe($"{{oldSchema: <truncated to 10240 characters> '{new string('x', 10_240)}'}}");
    }

    [Fact]
    public void Nothing_to_compare_against_is_compatible()
    {
        _candidate.CannotRead(_v1, "x");

        CompatibilityChecker.Check(CompatibilityLevel.FullTransitive, _candidate, []).ShouldBeEmpty();
    }
}
