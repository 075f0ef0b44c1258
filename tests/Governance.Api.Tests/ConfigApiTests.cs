using Governance.Api.Tests.Support;

namespace Governance.Api.Tests;

/// <summary>
/// <c>/config</c>: PUT takes <c>compatibility</c>, GET answers <c>compatibilityLevel</c>, subject levels fall back to
/// the global one only with <c>defaultToGlobal</c>. These tests change the global level, so they have a server of their own.
/// </summary>
public abstract class ConfigApiTests(RegistryServerFixture server)
{
    private RegistryClient Client => server.Client;

    [Fact]
    public async Task The_global_level_defaults_to_backward_and_can_be_changed_and_reset()
    {
        (await Client.GetAsync("/config")).Json["compatibilityLevel"]!.GetValue<string>().ShouldBe("BACKWARD");

        var put = await Client.PutAsync("/config", new { compatibility = "FULL_TRANSITIVE" });
        put.ShouldBeOk();
        put.Json["compatibility"]!.GetValue<string>().ShouldBe("FULL_TRANSITIVE");
        (await Client.GetAsync("/config")).Json["compatibilityLevel"]!.GetValue<string>().ShouldBe("FULL_TRANSITIVE");

        var deleted = await Client.DeleteAsync("/config");
        deleted.ShouldBeOk();
        deleted.Json["compatibilityLevel"]!.GetValue<string>().ShouldBe("FULL_TRANSITIVE");
        (await Client.GetAsync("/config")).Json["compatibilityLevel"]!.GetValue<string>().ShouldBe("BACKWARD");
    }

    [Theory]
    [InlineData("NONE")]
    [InlineData("BACKWARD")]
    [InlineData("BACKWARD_TRANSITIVE")]
    [InlineData("FORWARD")]
    [InlineData("FORWARD_TRANSITIVE")]
    [InlineData("FULL")]
    [InlineData("FULL_TRANSITIVE")]
    [InlineData("full")]
    public async Task Every_level_is_accepted_for_a_subject(string level)
    {
        var subject = TestSchemas.Subject();

        var put = await Client.PutAsync($"/config/{subject}", new { compatibility = level });

        put.ShouldBeOk();
        (await Client.GetAsync($"/config/{subject}")).Json["compatibilityLevel"]!.GetValue<string>().ShouldBe(level.ToUpperInvariant());
    }

    [Theory]
    [InlineData("SIDEWAYS")]
    [InlineData("")]
    public async Task An_unknown_level_answers_42203(string level)
    {
        (await Client.PutAsync("/config", new { compatibility = level })).ShouldBeError(422, 42203);
        (await Client.PutAsync($"/config/{TestSchemas.Subject()}", new { compatibility = level })).ShouldBeError(422, 42203);
    }

    [Fact]
    public async Task A_level_of_the_wrong_json_type_answers_400()
    {
        (await Client.PutAsync("/config", """{"compatibility": 3}""")).ShouldBeError(400, 400).ShouldContain("compatibility");
    }

    [Fact]
    public async Task A_subject_without_its_own_level_answers_40408_unless_default_to_global()
    {
        var subject = TestSchemas.Subject();

        (await Client.GetAsync($"/config/{subject}")).ShouldBeError(404, 40408);
        (await Client.GetAsync($"/config/{subject}?defaultToGlobal=true")).Json["compatibilityLevel"]!.GetValue<string>().ShouldBe("BACKWARD");
        (await Client.DeleteAsync($"/config/{subject}")).ShouldBeError(404, 40408);
    }

    [Fact]
    public async Task A_subject_level_decides_registrations_and_can_be_removed()
    {
        var subject = TestSchemas.Subject();
        await Client.RegisterAsync(subject, TestSchemas.Record());
        (await Client.PutAsync($"/config/{subject}", new { compatibility = "NONE" })).ShouldBeOk();

        (await Client.PostAsync($"/subjects/{subject}/versions", new { schema = TestSchemas.RecordWithRequiredField() })).ShouldBeOk();

        var deleted = await Client.DeleteAsync($"/config/{subject}");
        deleted.Json["compatibilityLevel"]!.GetValue<string>().ShouldBe("NONE");
        (await Client.GetAsync($"/config/{subject}")).ShouldBeError(404, 40408);
    }

    [Fact]
    public async Task Other_config_fields_round_trip()
    {
        var subject = TestSchemas.Subject();

        var put = await Client.PutAsync($"/config/{subject}", new { compatibility = "FORWARD", normalize = true, unknownField = "ignored" });

        put.Json["normalize"]!.GetValue<bool>().ShouldBeTrue();
        var get = await Client.GetAsync($"/config/{subject}");
        get.Json["compatibilityLevel"]!.GetValue<string>().ShouldBe("FORWARD");
        get.Json["normalize"]!.GetValue<bool>().ShouldBeTrue();
    }
}

public sealed class ConfigApiOnSqlite(SqliteRegistryServer server) : ConfigApiTests(server), IClassFixture<SqliteRegistryServer>;

public sealed class ConfigApiOnPostgres(PostgresRegistryServer server) : ConfigApiTests(server), IClassFixture<PostgresRegistryServer>;
