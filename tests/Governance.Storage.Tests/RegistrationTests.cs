using Governance.Registry;
using Governance.Storage.Tests.Support;
using Governance.TestSupport;
using Shouldly;

namespace Governance.Storage.Tests;

/// <summary>Registering, reading back and looking up schemas, on both databases.</summary>
public sealed class RegistrationTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SchemaSubmission Fields(string fields) => new($"{{\"fields\": {{{fields}}}}}", FieldsFormat.Type);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Registers_versions_in_order_and_reads_them_back(string provider)
    {
        await using var host = await RegistryHost.StartAsync(provider, postgres);
        var registry = host.Registry;

        var first = await registry.RegisterAsync("orders-value", Fields("\"id\": \"int\""), normalize: false, Ct);
        var second = await registry.RegisterAsync("orders-value", Fields("\"id\": \"int\", \"note\": \"string?\""), normalize: false, Ct);

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
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task The_same_schema_keeps_its_version_and_shares_its_id_across_subjects(string provider)
    {
        await using var host = await RegistryHost.StartAsync(provider, postgres);
        var registry = host.Registry;

        var original = await registry.RegisterAsync("a", Fields("\"id\": \"int\""), normalize: false, Ct);
        var again = await registry.RegisterAsync("a", Fields(" \"id\" : \"int\" "), normalize: false, Ct);
        var elsewhere = await registry.RegisterAsync("b", Fields("\"id\": \"int\""), normalize: false, Ct);

        again.Summary().ShouldBe(original.Summary());
        elsewhere.Version.ShouldBe(1);
        elsewhere.Schema.Id.ShouldBe(original.Schema.Id);
        (await registry.GetSubjectsForIdAsync(original.Schema.Id, null, deleted: false, Ct)).ShouldBe(["a", "b"]);
        (await registry.GetVersionsForIdAsync(original.Schema.Id, null, deleted: false, Ct)).ShouldBe([("a", 1), ("b", 1)]);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Looks_up_a_schema_under_a_subject(string provider)
    {
        await using var host = await RegistryHost.StartAsync(provider, postgres);
        var registry = host.Registry;
        var registered = await registry.RegisterAsync("lookup", Fields("\"id\": \"int\""), normalize: false, Ct);

        var found = await registry.LookUpSchemaAsync("lookup", Fields("\"id\":\"int\""), normalize: false, deleted: false, Ct);

        found.Summary().ShouldBe(registered.Summary());
        var unknownSchema = await Should.ThrowAsync<RegistryException>(
            () => registry.LookUpSchemaAsync("lookup", Fields("\"other\": \"int\""), normalize: false, deleted: false, Ct));
        unknownSchema.ErrorCode.ShouldBe(RegistryErrorCode.SchemaNotFound);
        unknownSchema.Message.ShouldBe("Schema not found");
        var unknownSubject = await Should.ThrowAsync<RegistryException>(
            () => registry.LookUpSchemaAsync("nobody", Fields("\"id\": \"int\""), normalize: false, deleted: false, Ct));
        unknownSubject.ErrorCode.ShouldBe(RegistryErrorCode.SubjectNotFound);
        unknownSubject.Message.ShouldBe("Subject 'nobody' not found.");
    }
}
