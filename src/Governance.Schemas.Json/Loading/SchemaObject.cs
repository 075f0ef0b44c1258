using System.Text.Json;
using Governance.Schemas.Text;

namespace Governance.Schemas.Json.Loading;

/// <summary>
/// The keywords of one schema object, read once: looking a name up in a <see cref="JsonElement"/> transcodes it and scans
/// the object every time, and loading asks each schema about dozens of keywords. A repeated keyword keeps its last value,
/// as Jackson does.
/// </summary>
internal sealed class SchemaObject
{
    private readonly Dictionary<string, JsonElement> _keywords = new(StringComparer.Ordinal);

    public SchemaObject(JsonElement element)
    {
        foreach (var (name, value) in JacksonJsonWriter.DistinctProperties(element))
        {
            _keywords[name] = value;
        }
    }

    public bool Has(string keyword) => _keywords.ContainsKey(keyword);

    public bool TryGetProperty(string keyword, out JsonElement value) => _keywords.TryGetValue(keyword, out value);
}
