using System.Text.Json;

namespace Governance.Registry;

/// <summary>Reads Confluent's schema <c>metadata</c> object: <c>{"properties": {"name": "value"}, "tags": ..., "sensitive": ...}</c>.</summary>
internal static class MetadataProperties
{
    /// <summary>The value of one property, or null when the metadata, its properties or that property are absent.</summary>
    public static string? Find(string? metadataJson, string name)
    {
        if (string.IsNullOrWhiteSpace(metadataJson))
        {
            return null;
        }

        using var document = JsonDocument.Parse(metadataJson);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }
}
