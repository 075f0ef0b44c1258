using Governance.Registry;
using Governance.Storage.Tests.Support;
using Governance.TestSupport;
using Shouldly;
using static Governance.Storage.Tests.Support.Submissions;

namespace Governance.Storage.Tests;

/// <summary>Registering, reading back and looking up schemas, on both databases.</summary>
public sealed class RegistrationTests(PostgresServer postgres) : RegistryTests(postgres)
{
    [Theory]
    [BothDatabases]
    public async Task Registers_versions_in_order_and_reads_them_back(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;

        var first = await registry.RegisterAsync("orders-value", Fields("id:int"), normalize: false, Ct);
        var second = await registry.RegisterAsync("orders-value", Fields("id:int", "note:string?"), normalize: false, Ct);

        first.Version.ShouldBe(1);
        second.Version.ShouldBe(2);
        second.Schema.Id.ShouldNotBe(first.Schema.Id);
        second.Schema.Schema.ShouldBe("{\"fields\":{\"id\":\"int\",\"note\":\"string?\"}}");
        (await registry.GetVersionAsync("orders-value", new VersionSpec(1), deleted: false, Ct)).Schema.Id.ShouldBe(first.Schema.Id);
        (await registry.GetVersionAsync("orders-value", VersionSpec.Latest, deleted: false, Ct)).Version.ShouldBe(2);
        (await registry.GetSchemaByIdAsync(second.Schema.Id, subject: null, Ct)).Schema.ShouldBe(second.Schema.Schema);
        (await registry.ListVersionsAsync("orders-value", deleted: false, deletedOnly: false, Ct)).ShouldBe([1, 2]);
        (await registry.ListSubjectsAsync(null, deleted: false, deletedOnly: false, Ct)).ShouldBe(["orders-value"]);
    }

    [Theory]
    [BothDatabases]
    public async Task The_same_schema_keeps_its_version_and_shares_its_id_across_subjects(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;

        var original = await registry.RegisterAsync("a", Fields("id:int"), normalize: false, Ct);
        var again = await registry.RegisterAsync("a", new SchemaSubmission("{ \"fields\" : { \"id\" :  \"int\" } }", FieldsFormat.Type), normalize: false, Ct);
        var elsewhere = await registry.RegisterAsync("b", Fields("id:int"), normalize: false, Ct);

        again.Summary().ShouldBe(original.Summary());
        elsewhere.Version.ShouldBe(1);
        elsewhere.Schema.Id.ShouldBe(original.Schema.Id);
        (await registry.GetSubjectsForIdAsync(original.Schema.Id, null, deleted: false, Ct)).ShouldBe(["a", "b"]);
        (await registry.GetVersionsForIdAsync(original.Schema.Id, null, deleted: false, Ct)).ShouldBe([("a", 1), ("b", 1)]);
    }

    [Theory]
    [BothDatabases]
    public async Task Looks_up_a_schema_under_a_subject(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        var registered = await registry.RegisterAsync("lookup", Fields("id:int"), normalize: false, Ct);

        var found = await registry.LookUpSchemaAsync("lookup", new SchemaSubmission("{\"fields\":{\"id\":\"int\"}}", FieldsFormat.Type), normalize: false, deleted: false, Ct);

        found.Summary().ShouldBe(registered.Summary());
        var unknownSchema = await Should.ThrowAsync<RegistryException>(
            () => registry.LookUpSchemaAsync("lookup", Fields("other:int"), normalize: false, deleted: false, Ct));
        unknownSchema.ErrorCode.ShouldBe(RegistryErrorCode.SchemaNotFound);
        unknownSchema.Message.ShouldBe("Schema not found");
        var unknownSubject = await Should.ThrowAsync<RegistryException>(
            () => registry.LookUpSchemaAsync("nobody", Fields("id:int"), normalize: false, deleted: false, Ct));
        unknownSubject.ErrorCode.ShouldBe(RegistryErrorCode.SubjectNotFound);
        unknownSubject.Message.ShouldBe("Subject 'nobody' not found.");
    }

    [Theory]
    [BothDatabases]
    public async Task Normalize_registers_the_normal_form_and_finds_schemas_that_differ_only_insignificantly(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;

        var normalized = await registry.RegisterAsync("n", Fields("b:int", "a:int"), normalize: true, Ct);
        var reordered = await registry.RegisterAsync("n", Fields("a:int", "b:int"), normalize: true, Ct);
        var asGiven = await registry.RegisterAsync("other", Fields("b:int", "a:int"), normalize: false, Ct);

        normalized.Schema.Schema.ShouldBe("{\"fields\":{\"a\":\"int\",\"b\":\"int\"}}");
        reordered.Summary().ShouldBe(normalized.Summary());
        asGiven.Schema.Id.ShouldNotBe(normalized.Schema.Id);
        (await registry.LookUpSchemaAsync("n", Fields("b:int", "a:int"), normalize: true, deleted: false, Ct)).Version.ShouldBe(1);
        (await Should.ThrowAsync<RegistryException>(
            () => registry.LookUpSchemaAsync("n", Fields("b:int", "a:int"), normalize: false, deleted: false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SchemaNotFound);
    }

    [Theory]
    [BothDatabases]
    public async Task Metadata_and_rule_set_are_part_of_the_identity_and_stored_as_given(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        const string metadata = "{ \"properties\": {\"owner\": \"team-a\"} }";
        const string ruleSet = "{\"domainRules\":[{\"name\":\"r\",\"kind\":\"CONDITION\",\"type\":\"CEL\",\"expr\":\"true\"}]}";

        var plain = await registry.RegisterAsync("m", Fields("id:int"), normalize: false, Ct);
        var withMetadata = await registry.RegisterAsync("m", Fields("id:int") with { MetadataJson = metadata, RuleSetJson = ruleSet }, normalize: false, Ct);
        var sameContent = await registry.RegisterAsync(
            "m2", Fields("id:int") with { MetadataJson = "{\"properties\":{\"owner\":\"team-a\"}}", RuleSetJson = ruleSet }, normalize: false, Ct);

        withMetadata.Schema.Id.ShouldNotBe(plain.Schema.Id);
        withMetadata.Version.ShouldBe(2);
        sameContent.Schema.Id.ShouldBe(withMetadata.Schema.Id);
        var stored = await registry.GetSchemaByIdAsync(withMetadata.Schema.Id, null, Ct);
        stored.MetadataJson.ShouldBe(metadata);
        stored.RuleSetJson.ShouldBe(ruleSet);
    }

    [Theory]
    [BothDatabases]
    public async Task A_soft_deleted_subject_registered_again_continues_its_version_numbers(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        var first = await registry.RegisterAsync("s", Fields("id:int"), normalize: false, Ct);
        await registry.RegisterAsync("s", Fields("id:int", "x:int?"), normalize: false, Ct);
        (await registry.DeleteSubjectAsync("s", permanent: false, Ct)).ShouldBe([1, 2]);

        var again = await registry.RegisterAsync("s", Fields("id:int"), normalize: false, Ct);

        again.Version.ShouldBe(3);
        again.Schema.Id.ShouldBe(first.Schema.Id);

        // As Confluent tombstones it, the soft-deleted version holding the same schema is gone for good.
        (await registry.ListVersionsAsync("s", deleted: true, deletedOnly: false, Ct)).ShouldBe([2, 3]);
        (await registry.LookUpSchemaAsync("s", Fields("id:int"), normalize: false, deleted: true, Ct)).Version.ShouldBe(3);
    }

    [Theory]
    [BothDatabases]
    public async Task Lookup_finds_soft_deleted_versions_only_when_asked(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.RegisterAsync("d", Fields("id:int"), normalize: false, Ct);
        await registry.RegisterAsync("d", Fields("id:int", "x:int?"), normalize: false, Ct);
        await registry.DeleteVersionAsync("d", new VersionSpec(1), permanent: false, Ct);

        var found = await registry.LookUpSchemaAsync("d", Fields("id:int"), normalize: false, deleted: true, Ct);

        found.Version.ShouldBe(1);
        found.Deleted.ShouldBeTrue();
        (await Should.ThrowAsync<RegistryException>(
            () => registry.LookUpSchemaAsync("d", Fields("id:int"), normalize: false, deleted: false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SchemaNotFound);
    }

    [Theory]
    [BothDatabases]
    public async Task An_explicit_version_outside_import_mode_must_be_the_next_one(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.RegisterAsync("v", Fields("id:int"), normalize: false, Ct);

        var wrong = await Should.ThrowAsync<RegistryException>(
            () => registry.RegisterAsync("v", Fields("id:int", "a:int?") with { Version = 5 }, normalize: false, Ct));
        var next = await registry.RegisterAsync("v", Fields("id:int", "a:int?") with { Version = 2 }, normalize: false, Ct);

        wrong.ErrorCode.ShouldBe(RegistryErrorCode.InvalidSchema);
        wrong.Message.ShouldBe("Version is not one more than previous version");
        next.Version.ShouldBe(2);
    }

    [Theory]
    [BothDatabases]
    public async Task The_normalize_config_normalizes_without_the_request_asking(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.SetConfigAsync("n", new RegistryConfig(null, Normalize: true), Ct);

        var registered = await registry.RegisterAsync("n", Fields("b:int", "a:int"), normalize: false, Ct);

        registered.Schema.Schema.ShouldBe("{\"fields\":{\"a\":\"int\",\"b\":\"int\"}}");
        (await registry.LookUpSchemaAsync("n", Fields("b:int", "a:int"), normalize: false, deleted: false, Ct)).Version.ShouldBe(1);
        (await registry.GetConfigAsync("n", defaultToGlobal: false, Ct)).Compatibility.ShouldBeNull();
    }
}
