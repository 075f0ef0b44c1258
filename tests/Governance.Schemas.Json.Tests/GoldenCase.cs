using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Schemas.Json.Tests;

/// <summary>
/// One golden compatibility case: an original schema, an update, every difference Confluent's checker reports from one
/// to the other (<c>"KIND #/path"</c>), and whether the update can read data written with the original (BACKWARD).
/// </summary>
public sealed record GoldenCase(
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("original")] JsonElement Original,
    [property: JsonPropertyName("update")] JsonElement Update,
    [property: JsonPropertyName("changes")] IReadOnlyList<string> Changes,
    [property: JsonPropertyName("compatible")] bool Compatible)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static IReadOnlyList<GoldenCase> ReadFile(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(Directory, fileName));
        return JsonSerializer.Deserialize<List<GoldenCase>>(text, new JsonSerializerOptions { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow })
            ?? throw new InvalidDataException($"{fileName} holds no cases");
    }
}
