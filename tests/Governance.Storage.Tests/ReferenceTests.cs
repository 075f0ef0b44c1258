using Governance.Registry;
using Governance.Storage.Tests.Support;
using Governance.TestSupport;
using Shouldly;

namespace Governance.Storage.Tests;

/// <summary>Schemas that reference schemas of other subjects (Avro named types), resolved transitively.</summary>
public sealed class ReferenceTests(PostgresServer postgres) : RegistryTests(postgres)
{
    private const string C = "{\"type\":\"record\",\"name\":\"C\",\"namespace\":\"acme\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
    private const string B = "{\"type\":\"record\",\"name\":\"B\",\"namespace\":\"acme\",\"fields\":[{\"name\":\"c\",\"type\":\"acme.C\"}]}";
    private const string A = "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"acme\",\"fields\":[{\"name\":\"b\",\"type\":\"acme.B\"}]}";

    /// <summary>c-value v1 holds C; b-value v1 holds B (references C); a-value v1 holds A (references B only).</summary>
    private static async Task<(SubjectVersion C, SubjectVersion B, SubjectVersion A)> RegisterChainAsync(ISchemaRegistry registry)
    {
        var c = await registry.RegisterAsync("c-value", new SchemaSubmission(C), normalize: false, Ct);
        var b = await registry.RegisterAsync("b-value", new SchemaSubmission(B, References: [new SchemaReference("acme.C", "c-value", 1)]), normalize: false, Ct);
        var a = await registry.RegisterAsync("a-value", new SchemaSubmission(A, References: [new SchemaReference("acme.B", "b-value", -1)]), normalize: false, Ct);
        return (c, b, a);
    }

    [Theory]
    [BothDatabases]
    public async Task References_resolve_transitively_and_are_stored_with_their_version(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;

        var (c, b, a) = await RegisterChainAsync(registry);

        // A parses only if C came before B among its resolved references: A names B, whose field is a C.
        a.Version.ShouldBe(1);
        a.Schema.References.ShouldBe([new SchemaReference("acme.B", "b-value", 1)]);
        (await registry.GetSchemaByIdAsync(b.Schema.Id, null, Ct)).References.ShouldBe([new SchemaReference("acme.C", "c-value", 1)]);
        (await registry.GetReferencedByAsync("c-value", new VersionSpec(1), Ct)).ShouldBe([b.Schema.Id]);
        (await registry.GetReferencedByAsync("b-value", VersionSpec.Latest, Ct)).ShouldBe([a.Schema.Id]);
        (await registry.GetReferencedByAsync("a-value", new VersionSpec(1), Ct)).ShouldBeEmpty();
        var sameElsewhere = await registry.RegisterAsync(
            "a-copy", new SchemaSubmission(A, References: [new SchemaReference("acme.B", "b-value", 1)]), normalize: false, Ct);
        sameElsewhere.Schema.Id.ShouldBe(a.Schema.Id);
        c.Schema.Id.ShouldNotBe(b.Schema.Id);
    }

    [Theory]
    [BothDatabases]
    public async Task A_missing_reference_is_an_invalid_schema(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.RegisterAsync("c-value", new SchemaSubmission(C), normalize: false, Ct);

        var missingVersion = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync(
            "b-value", new SchemaSubmission(B, References: [new SchemaReference("acme.C", "c-value", 9)]), normalize: false, Ct));
        var missingSubject = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync(
            "b-value", new SchemaSubmission(B, References: [new SchemaReference("acme.C", "nowhere", 1)]), normalize: false, Ct));
        var unreferenced = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync(
            "b-value", new SchemaSubmission(B), normalize: false, Ct));

        missingVersion.ErrorCode.ShouldBe(RegistryErrorCode.InvalidSchema);
        missingVersion.Message.ShouldBe("Invalid schema of type AVRO, details: No schema reference found for subject \"c-value\" and version 9");
        missingSubject.ErrorCode.ShouldBe(RegistryErrorCode.InvalidSchema);
        unreferenced.ErrorCode.ShouldBe(RegistryErrorCode.InvalidSchema);
        unreferenced.Message.ShouldStartWith("Invalid schema of type AVRO, details: ");
        (await Should.ThrowAsync<RegistryException>(() => registry.ListVersionsAsync("b-value", false, false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SubjectNotFound);
    }

    [Theory]
    [BothDatabases]
    public async Task A_referenced_version_cannot_be_deleted_while_a_live_schema_references_it(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await RegisterChainAsync(registry);

        var version = await Should.ThrowAsync<RegistryException>(() => registry.DeleteVersionAsync("c-value", new VersionSpec(1), permanent: false, Ct));
        var subject = await Should.ThrowAsync<RegistryException>(() => registry.DeleteSubjectAsync("b-value", permanent: false, Ct));

        version.ErrorCode.ShouldBe(RegistryErrorCode.ReferenceExists);
        version.Message.ShouldBe("One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=c-value,version=1}.");
        subject.ErrorCode.ShouldBe(RegistryErrorCode.ReferenceExists);

        // Once the referrers are deleted, the chain comes apart from the top.
        (await registry.DeleteSubjectAsync("a-value", permanent: false, Ct)).ShouldBe([1]);
        (await registry.GetReferencedByAsync("b-value", new VersionSpec(1), Ct)).ShouldBeEmpty();
        (await registry.DeleteVersionAsync("b-value", new VersionSpec(1), permanent: false, Ct)).ShouldBe(1);
        (await registry.DeleteVersionAsync("c-value", new VersionSpec(1), permanent: false, Ct)).ShouldBe(1);
    }
}
