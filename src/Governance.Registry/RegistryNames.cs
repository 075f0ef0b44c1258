namespace Governance.Registry;

/// <summary>
/// The wire names of compatibility levels and modes (<c>CompatibilityLevel.java</c>, <c>Mode.java</c>): parsed
/// case-insensitively, written in upper case. Unknown names fail with 42203 and 42204 as in Confluent.
/// </summary>
public static class RegistryNames
{
    private static readonly Dictionary<string, CompatibilityLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NONE"] = CompatibilityLevel.None,
        ["BACKWARD"] = CompatibilityLevel.Backward,
        ["BACKWARD_TRANSITIVE"] = CompatibilityLevel.BackwardTransitive,
        ["FORWARD"] = CompatibilityLevel.Forward,
        ["FORWARD_TRANSITIVE"] = CompatibilityLevel.ForwardTransitive,
        ["FULL"] = CompatibilityLevel.Full,
        ["FULL_TRANSITIVE"] = CompatibilityLevel.FullTransitive,
    };

    private static readonly Dictionary<string, RegistryMode> Modes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["READWRITE"] = RegistryMode.ReadWrite,
        ["READONLY"] = RegistryMode.ReadOnly,
        ["READONLY_OVERRIDE"] = RegistryMode.ReadOnlyOverride,
        ["IMPORT"] = RegistryMode.Import,
    };

    /// <exception cref="RegistryException">42203 for a name that is no compatibility level.</exception>
    public static CompatibilityLevel ParseCompatibilityLevel(string? name) =>
        name is not null && Levels.TryGetValue(name, out var level) ? level : throw RegistryErrors.InvalidCompatibilityLevel();

    /// <exception cref="RegistryException">42204 for a name that is no mode.</exception>
    public static RegistryMode ParseMode(string? name) =>
        name is not null && Modes.TryGetValue(name, out var mode) ? mode : throw RegistryErrors.InvalidMode();

    public static string Name(this CompatibilityLevel level) => Levels.First(pair => pair.Value == level).Key;

    public static string Name(this RegistryMode mode) => Modes.First(pair => pair.Value == mode).Key;
}
