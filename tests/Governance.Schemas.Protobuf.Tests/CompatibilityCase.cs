namespace Governance.Schemas.Protobuf.Tests;

/// <summary>
/// One golden compatibility case from the text files under Compatibility/: an old and a new schema (each with optional
/// references), the verdict Confluent's checker gives for the new schema reading data written with the old, and every
/// difference it reports as <c>KIND #/path</c>.
/// </summary>
/// <remarks>
/// File format: <c>### name</c>, <c>verdict: compatible|incompatible</c>, <c>changes:</c> then one difference per line,
/// then sections <c>--- old ref NAME</c>, <c>--- old</c>, <c>--- new ref NAME</c>, <c>--- new</c> each followed by .proto text.
/// </remarks>
internal sealed record CompatibilityCase(
    string Name,
    bool Compatible,
    IReadOnlyList<string> Changes,
    string Old,
    IReadOnlyList<SchemaReferenceContent> OldReferences,
    string New,
    IReadOnlyList<SchemaReferenceContent> NewReferences)
{
    public static Dictionary<string, CompatibilityCase> LoadAll()
    {
        var cases = new Dictionary<string, CompatibilityCase>(StringComparer.Ordinal);
        var directory = Path.Combine(AppContext.BaseDirectory, "Compatibility");
        foreach (var file in Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            foreach (var block in File.ReadAllText(file).Split("### ", StringSplitOptions.RemoveEmptyEntries))
            {
                var parsed = Parse(block);
                cases.Add($"{Path.GetFileNameWithoutExtension(file)}: {parsed.Name}", parsed);
            }
        }

        return cases;
    }

    private static CompatibilityCase Parse(string block)
    {
        var lines = block.Split('\n');
        var name = lines[0].Trim();
        var verdict = lines[1].Trim() switch
        {
            "verdict: compatible" => true,
            "verdict: incompatible" => false,
            var other => throw new FormatException($"case '{name}': expected a verdict line, found '{other}'"),
        };
        if (lines[2].Trim() != "changes:")
        {
            throw new FormatException($"case '{name}': expected 'changes:'");
        }

        var index = 3;
        var changes = new List<string>();
        while (!lines[index].StartsWith("--- ", StringComparison.Ordinal))
        {
            if (lines[index].Trim().Length > 0)
            {
                changes.Add(lines[index].Trim());
            }

            index++;
        }

        var sections = new List<(string Header, string Text)>();
        while (index < lines.Length)
        {
            var header = lines[index++][4..].Trim();
            var text = new List<string>();
            while (index < lines.Length && !lines[index].StartsWith("--- ", StringComparison.Ordinal))
            {
                text.Add(lines[index++]);
            }

            sections.Add((header, string.Join('\n', text).Trim() + "\n"));
        }

        return new CompatibilityCase(
            name,
            verdict,
            changes,
            sections.Single(s => s.Header == "old").Text,
            References(sections, "old ref "),
            sections.Single(s => s.Header == "new").Text,
            References(sections, "new ref "));
    }

    private static List<SchemaReferenceContent> References(List<(string Header, string Text)> sections, string prefix) =>
        [.. sections.Where(s => s.Header.StartsWith(prefix, StringComparison.Ordinal)).Select(s => new SchemaReferenceContent(s.Header[prefix.Length..], s.Text))];
}
