using Governance.Registry;
using Governance.Storage.Tests.Support;
using Governance.TestSupport;
using Shouldly;
using static Governance.Storage.Tests.Support.Submissions;

namespace Governance.Storage.Tests;

/// <summary>Bad input: invalid schemas, unknown types, schemas too large, invalid subject names. Nothing is stored.</summary>
public sealed class ValidationTests(PostgresServer postgres) : RegistryTests(postgres)
{
    [Theory]
    [InlineData("sqlite", "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"nope\"}]}", null, "Invalid schema of type AVRO, details: ")]
    [InlineData("sqlite", "{\"fields\": {\"a\": 1}}", "FIELDS", "Invalid schema of type FIELDS, details: the type of field 'a' is not a string at /fields/a")]
    [InlineData("sqlite", "{\"fields\": {}}", "XML", "Invalid schema type XML")]
    [InlineData("sqlite", "  ", null, "Empty schema")]
    [InlineData("postgresql", "{\"fields\": {\"a\": 1}}", "fields", "Invalid schema type fields")]
    [InlineData("postgresql", "{\"fields\": {}}", "XML", "Invalid schema type XML")]
    public async Task An_invalid_schema_is_refused_with_the_reason(string provider, string schema, string? schemaType, string messageStart)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;

        var refused = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync("bad", new SchemaSubmission(schema, schemaType), normalize: false, Ct));

        refused.ErrorCode.ShouldBe(RegistryErrorCode.InvalidSchema);
        refused.HttpStatus.ShouldBe(422);
        refused.Message.ShouldStartWith(messageStart);
        (await registry.ListSubjectsAsync(null, deleted: true, deletedOnly: false, Ct)).ShouldBeEmpty();
    }

    [Theory]
    [BothDatabases]
    public async Task Metadata_that_is_not_JSON_is_refused(string provider)
    {
        await using var host = await StartAsync(provider);

        var refused = await Should.ThrowAsync<RegistryException>(
            () => host.Registry.RegisterAsync("m", Fields("a:int") with { MetadataJson = "{oops" }, normalize: false, Ct));

        refused.ErrorCode.ShouldBe(RegistryErrorCode.InvalidSchema);
        refused.Message.ShouldStartWith("Invalid metadata or ruleSet JSON");
    }

    [Theory]
    [BothDatabases]
    public async Task A_schema_longer_than_the_limit_is_refused(string provider)
    {
        await using var host = await StartAsync(provider, new RegistryOptions { MaxSchemaLength = 40 });
        var registry = host.Registry;
        var small = Fields("a:int");
        var large = Fields("a:int", "bbbbbbbbbbbbbbbb:int?");

        (await registry.RegisterAsync("size", small, normalize: false, Ct)).Version.ShouldBe(1);
        var refused = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync("size", large, normalize: false, Ct));

        refused.ErrorCode.ShouldBe(RegistryErrorCode.SchemaTooLarge);
        refused.Message.ShouldBe($"Write failed because schema is too large: {large.Schema.Length} characters, the limit is 40");
    }

    [Theory]
    [InlineData("sqlite", "")]
    [InlineData("sqlite", "tab\there")]
    [InlineData("sqlite", "nul\u0000")]
    [InlineData("sqlite", "c1\u0085")]
    [InlineData("sqlite", "__GLOBAL")]
    [InlineData("postgresql", "line\nbreak")]
    public async Task An_invalid_subject_name_is_refused(string provider, string subject)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;

        var register = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync(subject, Fields("a:int"), normalize: false, Ct));
        var config = await Should.ThrowAsync<RegistryException>(() => registry.SetConfigAsync(subject, new RegistryConfig(CompatibilityLevel.None), Ct));
        var mode = await Should.ThrowAsync<RegistryException>(() => registry.SetModeAsync(subject, RegistryMode.ReadOnly, false, Ct));

        register.ErrorCode.ShouldBe(RegistryErrorCode.InvalidSubject);
        register.Message.ShouldBe($"The specified subject '{subject}' is not a valid.");
        config.ErrorCode.ShouldBe(RegistryErrorCode.InvalidSubject);
        mode.ErrorCode.ShouldBe(RegistryErrorCode.InvalidSubject);
    }

    [Theory]
    [BothDatabases]
    public async Task Subject_names_may_hold_slashes_colons_and_any_printable_text(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        string[] subjects = ["a/b", "topic:value", "ünïcødé ✓", "Orders", "orders"];

        foreach (var subject in subjects)
        {
            await registry.RegisterAsync(subject, Fields("a:int"), normalize: false, Ct);
        }

        (await registry.ListSubjectsAsync(null, false, false, Ct)).ShouldBe(subjects.Order(StringComparer.Ordinal).ToList());
        (await registry.ListSubjectsAsync("or", false, false, Ct)).ShouldBe(["orders"]);
    }
}
