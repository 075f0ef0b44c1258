using Governance.Registry;
using Governance.Storage.Tests.Support;
using Governance.TestSupport;
using Shouldly;
using static Governance.Storage.Tests.Support.Submissions;

namespace Governance.Storage.Tests;

/// <summary>Compatibility configuration and modes, global and per subject.</summary>
public sealed class ConfigAndModeTests(PostgresServer postgres) : RegistryTests(postgres)
{
    [Theory]
    [BothDatabases]
    public async Task Config_is_global_or_per_subject_and_deleting_the_global_one_restores_backward(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;

        (await registry.GetConfigAsync(null, defaultToGlobal: false, Ct)).Compatibility.ShouldBe(CompatibilityLevel.Backward);
        (await registry.SetConfigAsync(null, new RegistryConfig(CompatibilityLevel.Full), Ct)).Compatibility.ShouldBe(CompatibilityLevel.Full);
        var unset = await Should.ThrowAsync<RegistryException>(() => registry.GetConfigAsync("s", defaultToGlobal: false, Ct));
        unset.ErrorCode.ShouldBe(RegistryErrorCode.SubjectLevelCompatibilityNotConfigured);
        unset.Message.ShouldBe("Subject 's' does not have subject-level compatibility configured");
        (await registry.GetConfigAsync("s", defaultToGlobal: true, Ct)).Compatibility.ShouldBe(CompatibilityLevel.Full);

        var given = new RegistryConfig(CompatibilityLevel.None, CompatibilityGroup: "application.major.version");
        (await registry.SetConfigAsync("s", given, Ct)).ShouldBe(given);
        (await registry.SetConfigAsync("s", new RegistryConfig(CompatibilityLevel.ForwardTransitive), Ct)).Compatibility.ShouldBe(CompatibilityLevel.ForwardTransitive);
        var merged = await registry.GetConfigAsync("s", defaultToGlobal: false, Ct);
        merged.Compatibility.ShouldBe(CompatibilityLevel.ForwardTransitive);
        merged.CompatibilityGroup.ShouldBe("application.major.version");

        (await registry.DeleteConfigAsync("s", Ct)).Compatibility.ShouldBe(CompatibilityLevel.ForwardTransitive);
        (await Should.ThrowAsync<RegistryException>(() => registry.DeleteConfigAsync("s", Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SubjectLevelCompatibilityNotConfigured);
        (await registry.DeleteConfigAsync(null, Ct)).Compatibility.ShouldBe(CompatibilityLevel.Full);
        (await registry.GetConfigAsync(null, defaultToGlobal: false, Ct)).Compatibility.ShouldBe(CompatibilityLevel.Backward);
    }

    [Theory]
    [BothDatabases]
    public async Task The_subject_level_wins_over_the_global_level_at_registration(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.SetConfigAsync(null, new RegistryConfig(CompatibilityLevel.None), Ct);
        await registry.SetConfigAsync("strict", new RegistryConfig(CompatibilityLevel.Backward), Ct);
        foreach (var subject in (string[])["loose", "strict"])
        {
            await registry.RegisterAsync(subject, Fields("a:int"), normalize: false, Ct);
        }

        (await registry.RegisterAsync("loose", Fields("b:int"), normalize: false, Ct)).Version.ShouldBe(2);
        (await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync("strict", Fields("b:int"), normalize: false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.IncompatibleSchema);
    }

    [Theory]
    [BothDatabases]
    public async Task Read_only_mode_refuses_writes_and_allows_reads(string provider)
    {
        await using var host = await StartAsync(provider);
        var registry = host.Registry;
        await registry.RegisterAsync("ro", Fields("a:int"), normalize: false, Ct);

        (await registry.GetModeAsync(null, defaultToGlobal: false, Ct)).ShouldBe(RegistryMode.ReadWrite);
        var unset = await Should.ThrowAsync<RegistryException>(() => registry.GetModeAsync("ro", defaultToGlobal: false, Ct));
        unset.ErrorCode.ShouldBe(RegistryErrorCode.SubjectLevelModeNotConfigured);
        unset.Message.ShouldBe("Subject 'ro' does not have subject-level mode configured");
        (await registry.SetModeAsync("ro", RegistryMode.ReadOnly, force: false, Ct)).ShouldBe(RegistryMode.ReadOnly);

        var register = await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync("ro", Fields("a:int", "b:int?"), normalize: false, Ct));
        register.ErrorCode.ShouldBe(RegistryErrorCode.OperationNotPermitted);
        register.Message.ShouldBe("Subject ro in context  is in read-only mode");
        (await Should.ThrowAsync<RegistryException>(() => registry.DeleteVersionAsync("ro", new VersionSpec(1), permanent: false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.OperationNotPermitted);
        (await Should.ThrowAsync<RegistryException>(() => registry.DeleteSubjectAsync("ro", permanent: false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.OperationNotPermitted);
        (await registry.GetVersionAsync("ro", VersionSpec.Latest, deleted: false, Ct)).Version.ShouldBe(1);
        (await registry.RegisterAsync("other", Fields("a:int"), normalize: false, Ct)).Version.ShouldBe(1);

        (await registry.SetModeAsync(null, RegistryMode.ReadOnlyOverride, force: false, Ct)).ShouldBe(RegistryMode.ReadOnlyOverride);
        (await registry.GetModeAsync("other", defaultToGlobal: true, Ct)).ShouldBe(RegistryMode.ReadOnlyOverride);
        (await Should.ThrowAsync<RegistryException>(() => registry.RegisterAsync("other", Fields("a:int", "b:int?"), normalize: false, Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.OperationNotPermitted);

        (await registry.DeleteModeAsync(null, Ct)).ShouldBe(RegistryMode.ReadOnlyOverride);
        (await registry.DeleteModeAsync("ro", Ct)).ShouldBe(RegistryMode.ReadOnly);
        (await Should.ThrowAsync<RegistryException>(() => registry.DeleteModeAsync("ro", Ct)))
            .ErrorCode.ShouldBe(RegistryErrorCode.SubjectLevelModeNotConfigured);
        (await registry.RegisterAsync("ro", Fields("a:int", "b:int?"), normalize: false, Ct)).Version.ShouldBe(2);
    }
}
