using System.Text.Json;
using Governance.Schemas.Json.Compatibility;
using Governance.Schemas.Json.Model;
using Governance.Schemas.Json.Text;

namespace Governance.Schemas.Json;

/// <summary>A parsed JSON Schema: its stored text, its loaded form (references resolved), and Confluent's compatibility rules.</summary>
public sealed class JsonSchema : ParsedSchema
{
    /// <summary>Confluent's answer when a schema of another type is compared with a JSON Schema.</summary>
    public const string DifferentSchemaTypeMessage = "Incompatible because of different schema type";

    private string? _normalizedText;

    internal JsonSchema(string canonicalText, JsonSchemaDraft draft, SchemaNode root)
    {
        CanonicalText = canonicalText;
        Draft = draft;
        Root = root;
    }

    public override string SchemaType => JsonSchemaFormat.Type;

    /// <summary>The schema re-serialized compactly with its keys in their original order (Confluent's <c>canonicalString()</c>).</summary>
    public override string CanonicalText { get; }

    /// <summary>The draft named by the schema's <c>$schema</c> (draft 7 when it names none).</summary>
    public JsonSchemaDraft Draft { get; }

    internal SchemaNode Root { get; }

    /// <summary>Confluent's normalization for JSON Schema: the same schema with the keys of every object sorted.</summary>
    public override ParsedSchema Normalize()
    {
        // Computed on first use: most parsed schemas are never normalized, and a cached schema should not hold its text twice.
        if (_normalizedText is null)
        {
            // The text passed the nesting limit when it was parsed.
            using var document = JsonDocument.Parse(CanonicalText, new JsonDocumentOptions { MaxDepth = int.MaxValue });
            _normalizedText = JacksonJson.Write(document.RootElement, sortKeys: true);
        }

        return CanonicalText == _normalizedText ? this : new JsonSchema(_normalizedText, Draft, Root) { _normalizedText = _normalizedText };
    }

    public override IReadOnlyList<CompatibilityIssue> CheckBackwardCompatibility(ParsedSchema previous) =>
        CheckBackwardCompatibility(previous, CompatibilityPolicy.Strict);

    /// <summary>As <see cref="CheckBackwardCompatibility(ParsedSchema)"/>, under Confluent's <c>compatibilityPolicy</c>.</summary>
    public IReadOnlyList<CompatibilityIssue> CheckBackwardCompatibility(ParsedSchema previous, CompatibilityPolicy policy)
    {
        if (previous is not JsonSchema previousJson)
        {
            return [new CompatibilityIssue("SCHEMA_TYPE_CHANGED", "#/", DifferentSchemaTypeMessage)];
        }

        var compatible = CompatibleChanges.Of(policy);
        return [.. SchemaDiff.Compare(previousJson.Root, Root, compatible)
            .Where(d => !compatible.Contains(d.Type))
            .Select(d => new CompatibilityIssue(d.Type.ToString(), d.JsonPath, d.ToVerboseMessage()))];
    }

    public override IReadOnlyList<SchemaChange> DiffFrom(ParsedSchema previous)
    {
        if (previous is not JsonSchema previousJson)
        {
            return [new SchemaChange("SCHEMA_TYPE_CHANGED", "#/", DifferentSchemaTypeMessage, BreaksBackward: true, BreaksForward: true)];
        }

        return SchemaChanges.Between(previousJson.Root, Root);
    }

    /// <summary>Every difference Confluent's checker finds from <paramref name="previous"/> to this schema, compatible or not.</summary>
    public IReadOnlyList<Difference> Differences(JsonSchema previous) => SchemaDiff.Compare(previous.Root, Root, CompatibleChanges.Strict);
}
