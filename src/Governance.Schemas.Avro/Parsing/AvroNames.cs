namespace Governance.Schemas.Avro.Parsing;

/// <summary>
/// Name rules (Avro 1.12 specification, "Names"): a name starts with a letter or <c>_</c> and continues with letters,
/// digits or <c>_</c>. Letters are Unicode letters, as Java Avro's default <c>NameValidator.UTF_VALIDATOR</c> accepts.
/// </summary>
internal static class AvroNames
{
    /// <summary>Why <paramref name="name"/> is not a valid simple name, or null when it is.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "is empty";
        }

        if (!char.IsLetter(name[0]) && name[0] != '_')
        {
            return $"starts with '{name[0]}' (a name starts with a letter or '_')";
        }

        var bad = name.FirstOrDefault(c => !char.IsLetterOrDigit(c) && c != '_');
        return bad == default ? null : $"contains '{bad}' (only letters, digits and '_' are allowed)";
    }

    /// <summary>Why a dotted namespace is not valid, or null when it is (an empty namespace means none).</summary>
    public static string? NamespaceProblem(string space) =>
        space.Length == 0
            ? null
            : space.Split('.').Select(part => Problem(part) is { } problem ? $"part '{part}' {problem}" : null)
                .FirstOrDefault(p => p is not null);
}
