using Governance.Registry;
using Governance.Storage.Tests.Support;
using Governance.TestSupport;
using Shouldly;
using static Governance.Storage.Tests.Support.Submissions;

namespace Governance.Storage.Tests;

/// <summary>Compatibility levels applied at registration and in the compatibility test, with Confluent's messages.</summary>
public sealed class CompatibilityTests(PostgresServer postgres) : RegistryTests(postgres)
{
    /// <summary>
    /// History v1 {a:int}, v2 {} (registered under NONE); each candidate is tested, then registered, under one level.
    /// Non-transitive levels look at v2 only; transitive ones at v1 too.
    /// </summary>
    [Theory]
    [InlineData("sqlite", "BACKWARD", "b:int", false)]            // new reads latest {}? b has no default: no
    [InlineData("sqlite", "BACKWARD", "b:int?", true)]
    [InlineData("sqlite", "FORWARD", "b:int", true)]              // latest {} reads new: ignores b
    [InlineData("sqlite", "FORWARD_TRANSITIVE", "b:int", false)]  // v1 {a:int} cannot read new data without a
    [InlineData("sqlite", "FULL", "b:int", false)]
    [InlineData("sqlite", "FULL", "b:int?", true)]
    [InlineData("sqlite", "FULL_TRANSITIVE", "b:int?", false)]
    [InlineData("sqlite", "BACKWARD", "a:string?", true)]         // latest {} has no a: the default covers it
    [InlineData("sqlite", "BACKWARD_TRANSITIVE", "a:string?", false)] // v1 wrote a as int
    [InlineData("sqlite", "NONE", "a:string", true)]
    [InlineData("postgresql", "BACKWARD", "b:int", false)]
    [InlineData("postgresql", "FORWARD_TRANSITIVE", "b:int", false)]
    [InlineData("postgresql", "FULL", "b:int?", true)]
    [InlineData("postgresql", "BACKWARD_TRANSITIVE", "a:string?", false)]
    [InlineData("postgresql", "NONE", "a:string", true)]
    public async Task Registration_follows_the_subject_level(string provider, string level, string candidateField, bool accepted)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.SetConfigAsync("c", new RegistryConfig(CompatibilityLevel.None), Ct);
        await registry.RegisterAsync("c", Fields("a:int"), normalize: false, Ct);
        await registry.RegisterAsync("c", Fields(), normalize: false, Ct);
        await registry.SetConfigAsync("c", new RegistryConfig(RegistryNames.ParseCompatibilityLevel(level)), Ct);

        var test = await registry.TestCompatibilityAsync("c", null, Fields(candidateField), normalize: false, verbose: true, Ct);
        if (accepted)
        {
            test.IsCompatible.ShouldBeTrue(string.Join("\n", test.Messages));
            (await registry.RegisterAsync("c", Fields(candidateField), normalize: false, Ct)).Version.ShouldBe(3);
        }
        else
        {
            test.IsCompatible.ShouldBeFalse();
            var refused = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync("c", Fields(candidateField), normalize: false, Ct));
            refused.ErrorCode.ShouldBe(RegistryErrorCode.IncompatibleSchema);
            refused.Message.ShouldBe(
                $"Schema being registered is incompatible with an earlier schema for subject \"c\", details: [{string.Join(", ", test.Messages)}]");
            (await registry.ListVersionsAsync("c", deleted: true, deletedOnly: false, Ct)).ShouldBe([1, 2]);
        }
    }

    [Theory]
    [BothDatabases]
    public async Task Verbose_messages_are_worded_as_Confluent_words_them(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        var v1 = await registry.RegisterAsync("avro", AvroRecord("R", "{\"name\":\"a\",\"type\":\"int\"}"), normalize: false, Ct);
        var addsRequiredField = AvroRecord("R", "{\"name\":\"a\",\"type\":\"int\"}", "{\"name\":\"b\",\"type\":\"string\"}");
        var dropsField = AvroRecord("R");

        var backward = await registry.TestCompatibilityAsync("avro", VersionSpec.Latest, addsRequiredField, normalize: false, verbose: true, Ct);
        await registry.SetConfigAsync("avro", new RegistryConfig(CompatibilityLevel.Forward), Ct);
        var forward = await registry.TestCompatibilityAsync("avro", new VersionSpec(1), dropsField, normalize: false, verbose: true, Ct);
        var quiet = await registry.TestCompatibilityAsync("avro", null, dropsField, normalize: false, verbose: false, Ct);

        backward.IsCompatible.ShouldBeFalse();
        backward.Messages.ShouldBe(
        [
            "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'b' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'b'}",
            "{oldSchemaVersion: 1}",
            $"{{oldSchema: '{v1.Schema.Schema}'}}",
            "{validateFields: 'false', compatibility: 'BACKWARD'}",
        ]);
        forward.Messages.ShouldBe(
        [
            "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'a' at path '/fields/0' in the old schema has no default value and is missing in the new schema', additionalInfo:'a'}",
            "{oldSchemaVersion: 1}",
            $"{{oldSchema: '{v1.Schema.Schema}'}}",
            "{validateFields: 'false', compatibility: 'FORWARD'}",
        ]);
        quiet.IsCompatible.ShouldBeFalse();
        quiet.Messages.ShouldBeEmpty();
    }

    [Theory]
    [BothDatabases]
    public async Task Full_reports_the_forward_lines_first_and_the_old_schema_once(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.SetConfigAsync("full", new RegistryConfig(CompatibilityLevel.Full), Ct);
        await registry.RegisterAsync("full", Fields("a:int"), normalize: false, Ct);

        var result = await registry.TestCompatibilityAsync("full", null, Fields("b:int"), normalize: false, verbose: true, Ct);

        result.Messages.Count.ShouldBe(5);
        result.Messages[0].ShouldContain("The field 'a' at path '/fields/a' in the old schema has no default value and is missing in the new schema");
        result.Messages[1].ShouldContain("The field 'b' at path '/fields/b' in the new schema has no default value and is missing in the old schema");
        result.Messages[2].ShouldBe("{oldSchemaVersion: 1}");
        result.Messages[3].ShouldBe("{oldSchema: '{\"fields\":{\"a\":\"int\"}}'}");
        result.Messages[4].ShouldBe("{validateFields: 'false', compatibility: 'FULL'}");
    }

    [Theory]
    [BothDatabases]
    public async Task Different_schema_types_are_never_compatible(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.RegisterAsync("mixed", Fields("a:int"), normalize: false, Ct);

        var refused = await Should.ThrowAsync<RegistryException>(
            () => registry.RegisterAsync("mixed", new SchemaSubmission("\"string\""), normalize: false, Ct));

        refused.ErrorCode.ShouldBe(RegistryErrorCode.IncompatibleSchema);
        refused.Message.ShouldContain("Incompatible because of different schema type");
    }

    [Theory]
    [BothDatabases]
    public async Task Compatibility_test_answers_Confluent_errors_for_missing_subjects_and_versions(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;

        (await registry.TestCompatibilityAsync("none", VersionSpec.Latest, Fields("a:int"), false, true, Ct)).IsCompatible.ShouldBeTrue();
        (await registry.TestCompatibilityAsync("none", null, Fields("a:int"), false, true, Ct)).IsCompatible.ShouldBeTrue();
        (await Should.ThrowAsync<RegistryException>(() => registry.TestCompatibilityAsync("none", new VersionSpec(1), Fields("a:int"), false, true, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SubjectNotFound);
        await registry.RegisterAsync("some", Fields("a:int"), normalize: false, Ct);
        var missing = await Should.ThrowAsync<RegistryException>(() => registry.TestCompatibilityAsync("some", new VersionSpec(7), Fields("a:int"), false, true, Ct));
        missing.ErrorCode.ShouldBe(RegistryErrorCode.VersionNotFound);
        missing.Message.ShouldBe("Version 7 not found.");
        (await Should.ThrowAsync<RegistryException>(() => registry.TestCompatibilityAsync("some", null, new SchemaSubmission("not json", FieldsFormat.Type), false, true, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.InvalidSchema);
    }

    [Theory]
    [BothDatabases]
    public async Task Diff_lists_the_changes_between_two_versions(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.RegisterAsync("diff", Fields("a:int", "b:int?"), normalize: false, Ct);
        await registry.RegisterAsync("diff", Fields("a:int", "c:int?"), normalize: false, Ct);

        var diff = await registry.DiffAsync("diff", new VersionSpec(1), VersionSpec.Latest, Ct);

        diff.FromVersion.ShouldBe(1);
        diff.ToVersion.ShouldBe(2);
        diff.SchemaType.ShouldBe(FieldsFormat.Type);
        diff.Changes.Select(c => $"{c.Kind} {c.Path}").ShouldBe(["FIELD_ADDED /fields/c", "FIELD_REMOVED /fields/b"]);
        (await Should.ThrowAsync<RegistryException>(() => registry.DiffAsync("diff", new VersionSpec(1), new VersionSpec(3), Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.VersionNotFound);
        await registry.SetConfigAsync("diff", new RegistryConfig(CompatibilityLevel.None), Ct);
        await registry.RegisterAsync("diff", new SchemaSubmission("\"string\""), normalize: false, Ct);
        (await Should.ThrowAsync<RegistryException>(() => registry.DiffAsync("diff", new VersionSpec(1), VersionSpec.Latest, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.InvalidSchema);
    }

    [Theory]
    [BothDatabases]
    public async Task A_compatibility_group_only_compares_versions_of_the_same_group(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.SetConfigAsync("g", new RegistryConfig(CompatibilityLevel.BackwardTransitive, CompatibilityGroup: "major"), Ct);
        static string Major(string value) => $"{{\"properties\":{{\"major\":\"{value}\"}}}}";
        await registry.RegisterAsync("g", Fields("a:int") with { MetadataJson = Major("1") }, normalize: false, Ct);

        var breakingInNewGroup = await registry.RegisterAsync("g", Fields("b:string") with { MetadataJson = Major("2") }, normalize: false, Ct);
        var refusedInSameGroup = await Should.ThrowAsync<RegistryException>(
            () => registry.RegisterAsync("g", Fields("c:string") with { MetadataJson = Major("2") }, normalize: false, Ct));
        var ungrouped = await registry.RegisterAsync("g", Fields("c:string"), normalize: false, Ct);

        breakingInNewGroup.Version.ShouldBe(2);
        refusedInSameGroup.ErrorCode.ShouldBe(RegistryErrorCode.IncompatibleSchema);
        refusedInSameGroup.Message.ShouldContain("{oldSchemaVersion: 2}");
        ungrouped.Version.ShouldBe(3);
    }
}
