using Governance.Registry;
using Governance.Storage.Tests.Support;
using Governance.TestSupport;
using Shouldly;
using static Governance.Storage.Tests.Support.Submissions;

namespace Governance.Storage.Tests;

/// <summary>Soft and permanent deletes of versions and subjects, and what the reads show afterwards.</summary>
public sealed class DeletionTests(PostgresServer postgres) : RegistryTests(postgres)
{
    private static async Task<ISchemaRegistry> WithThreeVersionsAsync(RegistryHost host, string subject)
    {
        await host.Registry.RegisterAsync(subject, Fields("a:int"), normalize: false, Ct);
        await host.Registry.RegisterAsync(subject, Fields("a:int", "b:int?"), normalize: false, Ct);
        await host.Registry.RegisterAsync(subject, Fields("a:int", "b:int?", "c:int?"), normalize: false, Ct);
        return host.Registry;
    }

    [Theory]
    [BothDatabases]
    public async Task A_version_is_soft_deleted_then_permanently_deleted(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = await WithThreeVersionsAsync(host, "s");

        (await registry.DeleteVersionAsync("s", new VersionSpec(2), permanent: false, Ct)).ShouldBe(2);

        (await Should.ThrowAsync<RegistryException>(() => registry.GetVersionAsync("s", new VersionSpec(2), deleted: false, Ct)))
            .Message.ShouldBe("Version 2 not found.");
        (await registry.GetVersionAsync("s", new VersionSpec(2), deleted: true, Ct)).Deleted.ShouldBeTrue();
        (await registry.ListVersionsAsync("s", deleted: false, deletedOnly: false, Ct)).ShouldBe([1, 3]);
        (await registry.ListVersionsAsync("s", deleted: true, deletedOnly: false, Ct)).ShouldBe([1, 2, 3]);
        (await registry.ListVersionsAsync("s", deleted: false, deletedOnly: true, Ct)).ShouldBe([2]);

        var twice = await Should.ThrowAsync<RegistryException>(() => registry.DeleteVersionAsync("s", new VersionSpec(2), permanent: false, Ct));
        twice.ErrorCode.ShouldBe(RegistryErrorCode.SchemaVersionSoftDeleted);
        twice.Message.ShouldBe("Subject 's' Version 2 was soft deleted.Set permanent=true to delete permanently");
        var notFirst = await Should.ThrowAsync<RegistryException>(() => registry.DeleteVersionAsync("s", new VersionSpec(1), permanent: true, Ct));
        notFirst.ErrorCode.ShouldBe(RegistryErrorCode.SchemaVersionNotSoftDeleted);
        notFirst.Message.ShouldBe("Subject 's' Version 1 was not deleted first before being permanently deleted");

        (await registry.DeleteVersionAsync("s", new VersionSpec(2), permanent: true, Ct)).ShouldBe(2);
        (await registry.ListVersionsAsync("s", deleted: true, deletedOnly: false, Ct)).ShouldBe([1, 3]);
        (await Should.ThrowAsync<RegistryException>(() => registry.GetVersionAsync("s", new VersionSpec(2), deleted: true, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.VersionNotFound);
    }

    [Theory]
    [BothDatabases]
    public async Task Latest_means_the_newest_live_version(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = await WithThreeVersionsAsync(host, "l");

        (await registry.DeleteVersionAsync("l", VersionSpec.Latest, permanent: false, Ct)).ShouldBe(3);
        (await registry.GetVersionAsync("l", VersionSpec.Latest, deleted: true, Ct)).Version.ShouldBe(2);
        (await registry.GetVersionAsync("l", VersionSpec.Parse("-1"), deleted: false, Ct)).Version.ShouldBe(2);
        (await Should.ThrowAsync<RegistryException>(() => registry.DeleteVersionAsync("l", VersionSpec.Latest, permanent: true, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SchemaVersionNotSoftDeleted);
    }

    [Theory]
    [BothDatabases]
    public async Task A_subject_is_soft_deleted_then_permanently_deleted(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = await WithThreeVersionsAsync(host, "gone");
        await registry.RegisterAsync("kept", Fields("k:int"), normalize: false, Ct);
        var onlyInGone = (await registry.GetVersionAsync("gone", new VersionSpec(3), deleted: false, Ct)).Schema.Id;
        await registry.SetConfigAsync("gone", new RegistryConfig(CompatibilityLevel.None), Ct);
        await registry.DeleteVersionAsync("gone", new VersionSpec(1), permanent: false, Ct);

        (await registry.DeleteSubjectAsync("gone", permanent: false, Ct)).ShouldBe([2, 3]);

        // As in Confluent, the soft delete also drops the subject's own config.
        (await Should.ThrowAsync<RegistryException>(() => registry.GetConfigAsync("gone", defaultToGlobal: false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SubjectLevelCompatibilityNotConfigured);

        (await registry.ListSubjectsAsync(null, deleted: false, deletedOnly: false, Ct)).ShouldBe(["kept"]);
        (await registry.ListSubjectsAsync(null, deleted: true, deletedOnly: false, Ct)).ShouldBe(["gone", "kept"]);
        (await registry.ListSubjectsAsync(null, deleted: false, deletedOnly: true, Ct)).ShouldBe(["gone"]);
        (await Should.ThrowAsync<RegistryException>(() => registry.ListVersionsAsync("gone", deleted: false, deletedOnly: false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SubjectNotFound);
        (await Should.ThrowAsync<RegistryException>(() => registry.GetVersionAsync("gone", new VersionSpec(1), deleted: false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SubjectNotFound);
        (await registry.GetSchemaByIdAsync(onlyInGone, null, Ct)).Id.ShouldBe(onlyInGone);
        (await registry.GetSubjectsForIdAsync(onlyInGone, null, deleted: false, Ct)).ShouldBeEmpty();
        (await registry.GetSubjectsForIdAsync(onlyInGone, null, deleted: true, Ct)).ShouldBe(["gone"]);
        var again = await Should.ThrowAsync<RegistryException>(() => registry.DeleteSubjectAsync("gone", permanent: false, Ct));
        again.ErrorCode.ShouldBe(RegistryErrorCode.SubjectSoftDeleted);
        again.Message.ShouldBe("Subject 'gone' was soft deleted.Set permanent=true to delete permanently");
        var live = await Should.ThrowAsync<RegistryException>(() => registry.DeleteSubjectAsync("kept", permanent: true, Ct));
        live.ErrorCode.ShouldBe(RegistryErrorCode.SubjectNotSoftDeleted);
        live.Message.ShouldBe("Subject 'kept' was not deleted first before being permanently deleted");

        (await registry.DeleteSubjectAsync("gone", permanent: true, Ct)).ShouldBe([1, 2, 3]);

        (await registry.ListSubjectsAsync(null, deleted: true, deletedOnly: false, Ct)).ShouldBe(["kept"]);
        (await Should.ThrowAsync<RegistryException>(() => registry.GetSchemaByIdAsync(onlyInGone, null, Ct)))
            .Message.ShouldBe($"Schema {onlyInGone} not found");
        (await Should.ThrowAsync<RegistryException>(() => registry.DeleteSubjectAsync("gone", permanent: false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SubjectNotFound);
    }

    [Theory]
    [BothDatabases]
    public async Task Deleting_what_does_not_exist_answers_not_found(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.RegisterAsync("one", Fields("a:int"), normalize: false, Ct);

        var subject = await Should.ThrowAsync<RegistryException>(() => registry.DeleteSubjectAsync("nobody", permanent: false, Ct));
        var version = await Should.ThrowAsync<RegistryException>(() => registry.DeleteVersionAsync("one", new VersionSpec(9), permanent: false, Ct));
        var versionOfNobody = await Should.ThrowAsync<RegistryException>(() => registry.DeleteVersionAsync("nobody", new VersionSpec(1), permanent: false, Ct));

        subject.ErrorCode.ShouldBe(RegistryErrorCode.SubjectNotFound);
        subject.Message.ShouldBe("Subject 'nobody' not found.");
        version.ErrorCode.ShouldBe(RegistryErrorCode.VersionNotFound);
        versionOfNobody.ErrorCode.ShouldBe(RegistryErrorCode.SubjectNotFound);
    }

    [Theory]
    [BothDatabases]
    public async Task Another_instance_sees_a_permanently_deleted_id_as_gone_when_it_does_not_cache_id_lookups(string provider)
    {
        var settings = await CreateDatabaseAsync(provider);
        await using var reader = await RegistryHost.StartAsync(settings, new RegistryOptions { IdLookupCacheDuration = TimeSpan.Zero });
        await using var writer = await RegistryHost.StartAsync(settings);
        var registered = await writer.Registry.RegisterAsync("x", Fields("a:int"), normalize: false, Ct);
        (await reader.Registry.GetSchemaByIdAsync(registered.Schema.Id, null, Ct)).Schema.ShouldBe(registered.Schema.Schema);

        await writer.Registry.DeleteSubjectAsync("x", permanent: false, Ct);
        (await reader.Registry.GetSchemaByIdAsync(registered.Schema.Id, null, Ct)).Id.ShouldBe(registered.Schema.Id);
        await writer.Registry.DeleteSubjectAsync("x", permanent: true, Ct);

        (await Should.ThrowAsync<RegistryException>(() => reader.Registry.GetSchemaByIdAsync(registered.Schema.Id, null, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SchemaNotFound);
    }

    [Theory]
    [BothDatabases]
    public async Task Soft_deleting_the_last_live_version_drops_the_subject_config_and_mode(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = await WithThreeVersionsAsync(host, "last");
        await registry.SetConfigAsync("last", new RegistryConfig(CompatibilityLevel.Full), Ct);
        await registry.SetModeAsync("last", RegistryMode.ReadWrite, force: false, Ct);
        await registry.DeleteVersionAsync("last", new VersionSpec(1), permanent: false, Ct);
        await registry.DeleteVersionAsync("last", new VersionSpec(2), permanent: false, Ct);
        (await registry.GetConfigAsync("last", defaultToGlobal: false, Ct)).Compatibility.ShouldBe(CompatibilityLevel.Full);

        await registry.DeleteVersionAsync("last", new VersionSpec(3), permanent: false, Ct);

        (await Should.ThrowAsync<RegistryException>(() => registry.GetConfigAsync("last", defaultToGlobal: false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SubjectLevelCompatibilityNotConfigured);
        (await Should.ThrowAsync<RegistryException>(() => registry.GetModeAsync("last", defaultToGlobal: false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SubjectLevelModeNotConfigured);
    }
}
