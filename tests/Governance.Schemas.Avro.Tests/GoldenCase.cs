using System.Text.Json;

namespace Governance.Schemas.Avro.Tests;

/// <summary>
/// One golden compatibility case from <c>Golden/*.json</c>: an old and a new schema (and any referenced schemas) with
/// the issues expected when the new schema reads old data (backward) and the old schema reads new data (forward), each
/// written <c>KIND@/json/pointer</c>; an empty list means compatible.
/// </summary>
public sealed record GoldenCase(
    string File,
    string Name,
    string OldSchema,
    string NewSchema,
    IReadOnlyList<SchemaReferenceContent> References,
    IReadOnlyList<string> Backward,
    IReadOnlyList<string> Forward)
{
    private static readonly Lazy<IReadOnlyList<GoldenCase>> Cases = new(Load);

    public static IReadOnlyList<GoldenCase> All => Cases.Value;

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var golden in All)
        {
            data.Add(golden.Id);
        }

        return data;
    }

    public string Id => $"{File}: {Name}";

    public static GoldenCase Find(string id) => All.Single(c => c.Id == id);

    public AvroSchema ParseOld() => AvroFormat.ParseAvro(OldSchema, References);

    public AvroSchema ParseNew() => AvroFormat.ParseAvro(NewSchema, References);

    private static List<GoldenCase> Load()
    {
        var assembly = typeof(GoldenCase).Assembly;
        var cases = new List<GoldenCase>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Golden/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var document = JsonDocument.Parse(stream);
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var references = element.TryGetProperty("references", out var refs)
                    ? refs.EnumerateArray().Select(r => new SchemaReferenceContent(r.GetProperty("name").GetString()!, r.GetProperty("schema").GetRawText())).ToList()
                    : [];
                cases.Add(new GoldenCase(
                    resource["Golden/".Length..],
                    element.GetProperty("name").GetString()!,
                    element.GetProperty("old").GetRawText(),
                    element.GetProperty("new").GetRawText(),
                    references,
                    [.. element.GetProperty("backward").EnumerateArray().Select(e => e.GetString()!)],
                    [.. element.GetProperty("forward").EnumerateArray().Select(e => e.GetString()!)]));
            }
        }

        return cases;
    }
}
