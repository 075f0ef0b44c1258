using System.Text.Json;
using Governance.Schemas.Json.Loading;
using Governance.Schemas.Json.Text;
using Governance.Schemas.Text;

namespace Governance.Schemas.Json;

/// <summary>
/// JSON Schema (<c>schemaType</c> <c>JSON</c>): drafts 4, 6, 7, 2019-09 and 2020-12, with <c>$ref</c>s to schemas
/// registered under other subjects arriving as references named by the URL the <c>$ref</c> uses.
/// </summary>
/// <param name="limits">How deep the schema and its references may nest; deeper ones are refused before they are loaded.</param>
public sealed class JsonSchemaFormat(SchemaLimits limits) : ISchemaFormat
{
    public const string Type = "JSON";

    public JsonSchemaFormat()
        : this(SchemaLimits.Default)
    {
    }

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

    private JsonDocument ParseJson(string text, string what)
    {
        try
        {
            return JsonNesting.Parse(text, default, limits);
        }
        catch (InvalidSchemaException e)
        {
            throw new InvalidSchemaException($"In {what} at {e.Message}", e);
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
