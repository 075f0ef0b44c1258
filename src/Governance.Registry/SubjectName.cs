namespace Governance.Registry;

/// <summary>
/// Which subject names the registry accepts, as Confluent's <c>QualifiedSubject.isValidSubject</c> decides: no empty name,
/// no ISO control characters (U+0000–U+001F, U+007F–U+009F), and not the reserved name of the global context.
/// </summary>
public static class SubjectName
{
    private const string GlobalContextName = "__GLOBAL";

    public static bool IsValid(string? subject) =>
        !string.IsNullOrEmpty(subject)
        && !subject.Any(char.IsControl)
        && subject != GlobalContextName;

    /// <exception cref="RegistryException">42208 when the name is not valid.</exception>
    public static void Validate(string? subject)
    {
        if (!IsValid(subject))
        {
            throw RegistryErrors.InvalidSubject(subject ?? string.Empty);
        }
    }
}
