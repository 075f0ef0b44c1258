using Governance.Schemas.Json.Model;

namespace Governance.Schemas.Json.Compatibility;

/// <summary>
/// The semantic diff between two versions: every difference Confluent's checker finds from the old schema to the new,
/// each marked with whether it breaks backward compatibility (not a compatible change) and forward compatibility (the
/// check run the other way, old schema reading new data, finds an incompatible difference at the same place). An
/// incompatibility only the reverse check sees is listed too, in its own words.
/// </summary>
internal static class SchemaChanges
{
    public static IReadOnlyList<SchemaChange> Between(SchemaNode previous, SchemaNode current)
    {
        var forward = SchemaDiff.Compare(previous, current, CompatibleChanges.Strict);
        var reverse = SchemaDiff.Compare(current, previous, CompatibleChanges.Strict);
        var breaksForwardAt = reverse
            .Where(d => !CompatibleChanges.Strict.Contains(d.Type))
            .Select(d => d.JsonPath)
            .ToHashSet(StringComparer.Ordinal);

        var changes = forward
            .Select(d => new SchemaChange(
                d.Type.ToString(),
                d.JsonPath,
                Sentence(d, update: "new", original: "old"),
                BreaksBackward: !CompatibleChanges.Strict.Contains(d.Type),
                BreaksForward: breaksForwardAt.Contains(d.JsonPath)))
            .ToList();
        var forwardPaths = forward.Select(d => d.JsonPath).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(reverse
            .Where(d => !CompatibleChanges.Strict.Contains(d.Type) && !forwardPaths.Contains(d.JsonPath))
            .Select(d => new SchemaChange(d.Type.ToString(), d.JsonPath, Sentence(d, update: "old", original: "new"), false, true)));
        return changes;
    }

    /// <summary>Confluent's description when it has one, else the kind and place in words.</summary>
    private static string Sentence(Difference difference, string update, string original)
    {
        var description = difference.Describe(update, original);
        return description.Length > 0
            ? description
            : $"{difference.Type.ToString().Replace('_', ' ').ToLowerInvariant()} at path '{difference.JsonPath}'";
    }
}
