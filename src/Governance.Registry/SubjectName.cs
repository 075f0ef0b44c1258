namespace Governance.Registry;

/// <summary>
/// Which subject names the registry accepts, as Confluent's <c>QualifiedSubject.isValidSubject</c> decides: no ISO control
/// characters (U+0000–U+001F, U+007F–U+009F) and not <c>__GLOBAL</c>, the name Confluent keeps for global settings.
/// Unlike Confluent, which lets an empty name through for backward compatibility, an empty name is refused too.
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
