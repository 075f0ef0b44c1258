using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Governance.Registry;

/// <summary>
/// A schema's identity, as Confluent Schema Registry decides whether two registrations are the same schema: schema type,
/// canonical text, references, metadata and rule set. Equal identities get the same id, whichever subject registers them.
/// The hash is SHA-256 over those parts, each length-prefixed so that no two different identities can collide by
/// concatenation; metadata and rule set count by their JSON content, not their whitespace.
/// </summary>
public static class SchemaIdentity
{
    public static string Hash(string schemaType, string canonicalText, IReadOnlyList<SchemaReference> references, string? metadataJson, string? ruleSetJson)
    {
        var text = new StringBuilder();
        Append(text, schemaType.ToUpperInvariant());
        Append(text, canonicalText);
        text.Append(references.Count).Append(';');
        foreach (var reference in references)
        {
            Append(text, reference.Name);
            Append(text, reference.Subject);
            text.Append(reference.Version).Append(';');
        }

        Append(text, CompactJson(metadataJson));
        Append(text, CompactJson(ruleSetJson));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The JSON without insignificant whitespace; null for null or JSON <c>null</c>.</summary>
    public static string? CompactJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return JsonSerializer.Serialize(document.RootElement);
    }

    private static void Append(StringBuilder text, string? part)
    {
        if (part is null)
        {
            text.Append("-1;");
            return;
        }

        text.Append(part.Length).Append(':').Append(part).Append(';');
    }
}
