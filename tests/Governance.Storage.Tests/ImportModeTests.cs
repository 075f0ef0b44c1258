using Governance.Registry;
using Governance.Storage.Tests.Support;
using Governance.TestSupport;
using Shouldly;
using static Governance.Storage.Tests.Support.Submissions;

namespace Governance.Storage.Tests;

/// <summary>IMPORT mode: registering with the id and version of another registry, as Confluent's migration tools do.</summary>
public sealed class ImportModeTests(PostgresServer postgres) : RegistryTests(postgres)
{
    [Theory]
    [BothDatabases]
    public async Task Entering_import_mode_needs_an_empty_registry_or_force(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.RegisterAsync("live", Fields("a:int"), normalize: false, Ct);

        var refused = await Should.ThrowAsync<RegistryException>(() => registry.SetModeAsync(null, RegistryMode.Import, force: false, Ct));
        (await registry.SetModeAsync("empty", RegistryMode.Import, force: false, Ct)).ShouldBe(RegistryMode.Import);
        (await registry.SetModeAsync(null, RegistryMode.Import, force: true, Ct)).ShouldBe(RegistryMode.Import);

        refused.ErrorCode.ShouldBe(RegistryErrorCode.OperationNotPermitted);
        refused.Message.ShouldBe("Cannot import since found existing subjects");
        (await registry.GetModeAsync("live", defaultToGlobal: true, Ct)).ShouldBe(RegistryMode.Import);
    }

    [Theory]
    [BothDatabases]
    public async Task Imported_ids_and_versions_are_kept_and_later_ids_never_collide_with_them(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.SetModeAsync(null, RegistryMode.Import, force: false, Ct);

        var imported = await registry.RegisterAsync("imp", Fields("a:int") with { Id = 100, Version = 7 }, normalize: false, Ct);
        var again = await registry.RegisterAsync("imp", Fields("a:int") with { Id = 100, Version = 7 }, normalize: false, Ct);
        var withoutId = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync("imp", Fields("b:int"), normalize: false, Ct));
        var idTaken = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync("imp", Fields("b:int") with { Id = 100, Version = 8 }, normalize: false, Ct));
        var otherId = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync("imp2", Fields("a:int") with { Id = 5, Version = 1 }, normalize: false, Ct));
        var versionTaken = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync("imp", Fields("c:int") with { Id = 50, Version = 7 }, normalize: false, Ct));
        var incompatibleButImported = await registry.RegisterAsync("imp", Fields("d:string") with { Id = 3, Version = 2 }, normalize: false, Ct);

        imported.Schema.Id.ShouldBe(100);
        imported.Version.ShouldBe(7);
        again.Version.ShouldBe(7);
        withoutId.ErrorCode.ShouldBe(RegistryErrorCode.OperationNotPermitted);
        withoutId.Message.ShouldBe("Subject imp in context  is not in read-write mode");
        idTaken.ErrorCode.ShouldBe(RegistryErrorCode.OperationNotPermitted);
        idTaken.Message.ShouldBe("Overwrite new schema with id 100 in context  is not permitted.");
        otherId.ErrorCode.ShouldBe(RegistryErrorCode.IdDoesNotMatch);
        otherId.Message.ShouldBe("Schema already registered with id 100 instead of input id 5");
        versionTaken.ErrorCode.ShouldBe(RegistryErrorCode.OperationNotPermitted);
        incompatibleButImported.Version.ShouldBe(2);
        (await registry.ListVersionsAsync("imp", false, false, Ct)).ShouldBe([2, 7]);

        await registry.SetModeAsync(null, RegistryMode.ReadWrite, force: false, Ct);
        var explicitId = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync("imp", Fields("a:int", "e:int?") with { Id = 200 }, normalize: false, Ct));
        var next = await registry.RegisterAsync("fresh", Fields("z:int"), normalize: false, Ct);

        explicitId.Message.ShouldBe("Subject imp in context  is not in import mode");
        next.Schema.Id.ShouldBe(101);
        (await registry.RegisterAsync("imp", Fields("a:int", "e:int?"), normalize: false, Ct)).Version.ShouldBe(8);
    }

    [Theory]
    [BothDatabases]
    public async Task Entering_import_mode_without_force_clears_soft_deleted_versions(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.RegisterAsync("old", Fields("a:int"), normalize: false, Ct);
        await registry.DeleteSubjectAsync("old", permanent: false, Ct);

        await registry.SetModeAsync("old", RegistryMode.Import, force: false, Ct);

        (await registry.ListSubjectsAsync(null, deleted: true, deletedOnly: false, Ct)).ShouldBeEmpty();
        (await registry.RegisterAsync("old", Fields("b:int") with { Id = 9, Version = 1 }, normalize: false, Ct)).Version.ShouldBe(1);
    }
}
