using Governance.Schemas;

namespace Governance.Registry.Compatibility;

/// <summary>
/// Applies a compatibility level the way Confluent's <c>CompatibilityChecker</c> and <c>SchemaValidatorBuilder</c> do:
/// BACKWARD checks that the new schema reads the latest version, FORWARD that the latest reads the new one, FULL both;
/// the transitive levels check every live version, latest first, and stop at the first one that fails; NONE checks nothing.
/// Messages come out as Confluent words them: the format's lines, with <c>%s</c> placeholders filled with the reader's and
/// the writer's role (<c>new</c> or <c>old</c>), then <c>{oldSchemaVersion: N}</c> and <c>{oldSchema: '...'}</c>.
/// </summary>
public static class CompatibilityChecker
{
    /// <summary>Confluent truncates the old schema in messages beyond this many characters.</summary>
    private const int MaxOldSchemaLength = 10 * 1024;

    private const string New = "new";
    private const string Old = "old";

    /// <param name="previous">The subject's live versions, oldest first.</param>
    /// <returns>Empty when compatible.</returns>
    public static List<string> Check(CompatibilityLevel level, ParsedSchema candidate, IReadOnlyList<VersionedSchema> previous)
    {
        if (level == CompatibilityLevel.None || previous.Count == 0)
        {
            return [];
        }

        var latestFirst = previous.Reverse();
        var transitive = level is CompatibilityLevel.BackwardTransitive or CompatibilityLevel.ForwardTransitive or CompatibilityLevel.FullTransitive;
        foreach (var existing in transitive ? latestFirst : latestFirst.Take(1))
        {
            var messages = CheckOne(level, candidate, existing);
            if (messages.Count > 0)
            {
                return messages;
            }
        }

        return [];
    }

    private static List<string> CheckOne(CompatibilityLevel level, ParsedSchema candidate, VersionedSchema existing) => level switch
    {
        CompatibilityLevel.Backward or CompatibilityLevel.BackwardTransitive =>
            Format(Reads(candidate, existing.Schema), existing, New, Old, appendSchema: true),
        CompatibilityLevel.Forward or CompatibilityLevel.ForwardTransitive =>
            Format(Reads(existing.Schema, candidate), existing, Old, New, appendSchema: true),
        _ =>
        [
            .. Format(Reads(existing.Schema, candidate), existing, Old, New, appendSchema: false),
            .. Format(Reads(candidate, existing.Schema), existing, New, Old, appendSchema: true),
        ],
    };

    /// <summary>The issues when <paramref name="reader"/> reads data written with <paramref name="writer"/>.</summary>
    private static IEnumerable<string> Reads(ParsedSchema reader, ParsedSchema writer)
    {
        if (!string.Equals(reader.SchemaType, writer.SchemaType, StringComparison.OrdinalIgnoreCase))
        {
            return ["Incompatible because of different schema type"];
        }

        return reader.CheckBackwardCompatibility(writer).Select(issue => issue.Message);
    }

    private static List<string> Format(IEnumerable<string> issues, VersionedSchema existing, string reader, string writer, bool appendSchema)
    {
        var messages = issues.Select(message => FillRoles(message, reader, writer)).ToList();
        if (messages.Count > 0 && appendSchema)
        {
            messages.Add($"{{oldSchemaVersion: {existing.Version}}}");
            var text = existing.Schema.CanonicalText;
            messages.Add(text.Length <= MaxOldSchemaLength
                ? $"{{oldSchema: '{text}'}}"
                : $"{{oldSchema: <truncated to {MaxOldSchemaLength} characters> '{text[..MaxOldSchemaLength]}'}}");
        }

        return messages;
    }

    /// <summary>Java's <c>String.format(message, reader, writer)</c> for messages that carry Confluent's <c>%s</c> placeholders.</summary>
    private static string FillRoles(string message, string reader, string writer)
    {
        var first = message.IndexOf("%s", StringComparison.Ordinal);
        if (first < 0)
        {
            return message;
        }

        message = string.Concat(message.AsSpan(0, first), reader, message.AsSpan(first + 2));
        var second = message.IndexOf("%s", first + reader.Length, StringComparison.Ordinal);
        return second < 0 ? message : string.Concat(message.AsSpan(0, second), writer, message.AsSpan(second + 2));
    }
}
