using System.Text.Json;

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
        foreach (var (name, value) in Members(element))
        {
            _keywords[name] = value;
        }
    }

    /// <summary>The members of a JSON object as Jackson keeps them: each name once, in its first place, with its last value.</summary>
    public static IReadOnlyList<(string Name, JsonElement Value)> Members(JsonElement element)
    {
        var members = new List<(string Name, JsonElement Value)>();
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (places.TryGetValue(member.Name, out var place))
            {
                members[place] = (member.Name, member.Value);
            }
            else
            {
                places[member.Name] = members.Count;
                members.Add((member.Name, member.Value));
            }
        }

        return members;
    }

    public bool Has(string keyword) => _keywords.ContainsKey(keyword);

    public bool TryGetProperty(string keyword, out JsonElement value) => _keywords.TryGetValue(keyword, out value);
}
