using System.Text;
using System.Text.Json;

namespace Governance.Schemas.Text;

/// <summary>
/// Reads the JSON text of a schema (Avro, JSON Schema) within <see cref="SchemaLimits.MaxNestingDepth"/>: objects and
/// arrays nested deeper are refused with the limit's own error, naming the line and position where it was exceeded.
/// </summary>
public static class JsonNesting
{
    /// <summary>Parses <paramref name="text"/> as <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> does, within the nesting limit.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="InvalidSchemaException">The text nests deeper than the limit.</exception>
    public static JsonDocument Parse(string text, JsonDocumentOptions options, SchemaLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limits);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var readerOptions = new JsonReaderOptions
        {
            CommentHandling = options.CommentHandling,
            AllowTrailingCommas = options.AllowTrailingCommas,
            MaxDepth = limits.MaxNestingDepth + 1,
        };
        var reader = new Utf8JsonReader(utf8, readerOptions);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= limits.MaxNestingDepth)
            {
                throw limits.NestingTooDeep(Position(utf8, reader.TokenStartIndex));
            }
        }

        return JsonDocument.Parse(utf8, options with { MaxDepth = limits.MaxNestingDepth + 1 });
    }

    private static string Position(byte[] utf8, long index)
    {
        var before = utf8.AsSpan(0, (int)index);
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return $"line {line}, position {index - lineStart + 1}";
    }
}
