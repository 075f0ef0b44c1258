using System.Text.Json;
using Governance.Schemas.Json.Loading;
using Governance.Schemas.Json.Text;

namespace Governance.Schemas.Json;

/// <summary>
/// JSON Schema (<c>schemaType</c> <c>JSON</c>): drafts 4, 6, 7, 2019-09 and 2020-12, with <c>$ref</c>s to schemas
/// registered under other subjects arriving as references named by the URL the <c>$ref</c> uses.
/// </summary>
public sealed class JsonSchemaFormat : ISchemaFormat
{
    public const string Type = "JSON";

    /// <summary>How schema text is read: strict JSON, nested at most 512 deep so that loading and comparing stay within the stack.</summary>
    internal static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 512 };

    public string SchemaType => Type;

    public ParsedSchema Parse(string schemaText, IReadOnlyList<SchemaReferenceContent> references)
    {
        ArgumentNullException.ThrowIfNull(schemaText);
        ArgumentNullException.ThrowIfNull(references);
        using var document = ParseJson(schemaText, "the schema");
        var referenced = new List<(JsonDocument Json, SchemaDocument Document)>();
        try
        {
            foreach (var reference in references)
            {
                var json = ParseJson(reference.SchemaText, $"reference '{reference.Name}'");
                referenced.Add((json, new SchemaDocument(RequireSchema(json.RootElement, reference.Name), reference.Name)));
            }

            var root = new SchemaDocument(RequireSchema(document.RootElement, referenceName: null), referenceName: null);
            var node = SchemaLoader.Load(root, [.. referenced.Select(r => r.Document)]);
            return new JsonSchema(JacksonJson.Write(document.RootElement), root.Draft, node);
        }
        finally
        {
            foreach (var (json, _) in referenced)
            {
                json.Dispose();
            }
        }
    }

    private static JsonDocument ParseJson(string text, string what)
    {
        try
        {
            return JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidSchemaException(
                $"Invalid JSON in {what} at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message}", e);
        }
    }

    private static JsonElement RequireSchema(JsonElement root, string? referenceName)
    {
        if (root.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
        {
            return root;
        }

        var where = referenceName is null ? "#" : $"'{referenceName}' #";
        throw new InvalidSchemaException(
            $"Invalid JSON Schema at {where}: a schema must be a JSON object or a boolean, found {KeywordValidator.Describe(root)}");
    }
}
