using Shouldly;

namespace Governance.Registry.Tests;

/// <summary>Subject names, compatibility level and mode names, and version paths, as Confluent accepts them.</summary>
public sealed class NamesTests
{
    [Theory]
    [InlineData("orders-value", true)]
    [InlineData("a/b:c d", true)]
    [InlineData("ünïcødé", true)]
    [InlineData("", false)]
    [InlineData("bell\u0007", false)]
    [InlineData("del\u007f", false)]
    [InlineData("c1\u009f", false)]
    [InlineData("__GLOBAL", false)]
    public void Subject_names_without_control_characters_are_valid(string subject, bool valid)
    {
        SubjectName.IsValid(subject).ShouldBe(valid);
        if (!valid)
        {
            Should.Throw<RegistryException>(() => SubjectName.Validate(subject)).ErrorCode.ShouldBe(RegistryErrorCode.InvalidSubject);
        }
    }

    [Theory]
    [InlineData("backward", CompatibilityLevel.Backward)]
    [InlineData("FULL_TRANSITIVE", CompatibilityLevel.FullTransitive)]
    [InlineData("None", CompatibilityLevel.None)]
    public void Compatibility_levels_parse_in_any_case_and_print_in_upper_case(string name, CompatibilityLevel level)
    {
        RegistryNames.ParseCompatibilityLevel(name).ShouldBe(level);
        level.Name().ShouldBe(name.ToUpperInvariant());
    }

    [Theory]
    [InlineData("BACKWARDS")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_level_is_42203(string? name)
    {
        var error = Should.Throw<RegistryException>(() => RegistryNames.ParseCompatibilityLevel(name));

        error.ErrorCode.ShouldBe(RegistryErrorCode.InvalidCompatibilityLevel);
        error.HttpStatus.ShouldBe(422);
        error.Message.ShouldBe("Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    [Theory]
    [InlineData("readwrite", RegistryMode.ReadWrite)]
    [InlineData("READONLY_OVERRIDE", RegistryMode.ReadOnlyOverride)]
    [InlineData("Import", RegistryMode.Import)]
    public void Modes_parse_in_any_case(string name, RegistryMode mode)
    {
        RegistryNames.ParseMode(name).ShouldBe(mode);
        mode.Name().ShouldBe(name.ToUpperInvariant());
    }

    [Fact]
    public void An_unknown_mode_is_42204()
    {
        var error = Should.Throw<RegistryException>(() => RegistryNames.ParseMode("WRITEONLY"));

        error.ErrorCode.ShouldBe(RegistryErrorCode.InvalidMode);
        error.Message.ShouldBe("Invalid mode. Valid values are READWRITE, READONLY, and IMPORT.");
    }
}
