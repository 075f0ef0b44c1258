using Governance.Schemas;

namespace Governance.Registry.Compatibility;

/// <summary>
/// Applies a compatibility level the way Confluent's <c>CompatibilityChecker</c> and <c>SchemaValidatorBuilder</c> do:
/// BACKWARD checks that the new schema reads the latest version, FORWARD that the latest reads the new one, FULL both;
/// the transitive levels check every live version, latest first, and stop at the first one that fails; NONE checks nothing.
/// Messages come out as Confluent words them: the format's lines with the reader's and the writer's role (<c>new</c> or
/// <c>old</c>), then <c>{oldSchemaVersion: N}</c> and <c>{oldSchema: '...'}</c>. A format words its lines for a backward
/// check (the new schema reads the old one), or leaves Confluent's <c>%s</c> placeholders in them; when the old schema is
/// the reader, the roles are filled in or swapped accordingly.
/// </summary>
public static partial class CompatibilityChecker
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
            Format(Reads(candidate, existing.Schema, New, Old), existing, appendSchema: true),
        CompatibilityLevel.Forward or CompatibilityLevel.ForwardTransitive =>
            Format(Reads(existing.Schema, candidate, Old, New), existing, appendSchema: true),
        _ =>
        [
            .. Format(Reads(existing.Schema, candidate, Old, New), existing, appendSchema: false),
            .. Format(Reads(candidate, existing.Schema, New, Old), existing, appendSchema: true),
        ],
    };

    /// <summary>The issues when <paramref name="reader"/> reads data written with <paramref name="writer"/>, worded with their roles.</summary>
    private static IEnumerable<string> Reads(ParsedSchema reader, ParsedSchema writer, string readerRole, string writerRole)
    {
        if (!string.Equals(reader.SchemaType, writer.SchemaType, StringComparison.OrdinalIgnoreCase))
        {
            return ["Incompatible because of different schema type"];
        }

        return reader.CheckBackwardCompatibility(writer).Select(issue => issue.Message.Contains("%s", StringComparison.Ordinal)
            ? FillRoles(issue.Message, readerRole, writerRole)
            : readerRole == New ? issue.Message : SwapRoles(issue.Message));
    }

    private static List<string> Format(IEnumerable<string> issues, VersionedSchema existing, bool appendSchema)
    {
        var messages = issues.ToList();
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

    /// <summary>A line worded for a backward check (the new schema reading), reworded for the old schema reading.</summary>
    private static string SwapRoles(string message) => RoleWords().Replace(message, match => match.Value switch
    {
        "the new schema" => "the old schema",
        "the old schema" => "the new schema",
        "The new schema" => "The old schema",
        _ => "The new schema",
    });

    [System.Text.RegularExpressions.GeneratedRegex("[Tt]he (new|old) schema")]
    private static partial System.Text.RegularExpressions.Regex RoleWords();

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
