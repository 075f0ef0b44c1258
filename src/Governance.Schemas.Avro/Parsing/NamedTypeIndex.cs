using System.Text.Json;
using Governance.Schemas.Avro.Model;

namespace Governance.Schemas.Avro.Parsing;

/// <summary>
/// Where each named type of one schema document is defined, found before parsing, so that a name may be used before
/// its definition: Java Avro 1.12's parser accepts such forward references and resolves them once the document is read.
/// Namespaces are inherited exactly as the parser inherits them. Malformed parts are skipped: the parser reports them.
/// </summary>
internal static class NamedTypeIndex
{
    public sealed record Definition(JsonElement Node, string? Namespace, string Path);

    public static Dictionary<string, Definition> Build(JsonElement root)
    {
        var definitions = new Dictionary<string, Definition>(StringComparer.Ordinal);
        Visit(root, null, "", definitions);
        return definitions;
    }

    private static void Visit(JsonElement node, string? space, string path, Dictionary<string, Definition> definitions)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var branch in node.EnumerateArray())
            {
                Visit(branch, space, $"{path}/{index++}", definitions);
            }

            return;
        }

        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("type", out var typeNode) || typeNode.ValueKind != JsonValueKind.String)
        {
            return;
        }

        switch (typeNode.GetString())
        {
            case "record" or "error" or "enum" or "fixed" when node.TryGetProperty("name", out var nameNode) && nameNode.ValueKind == JsonValueKind.String:
                var declaredSpace = node.TryGetProperty("namespace", out var spaceNode) && spaceNode.ValueKind == JsonValueKind.String ? spaceNode.GetString() : space;
                var name = AvroName.Of(nameNode.GetString()!, declaredSpace);
                definitions.TryAdd(name.FullName, new Definition(node, space, path));
                if (node.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array)
                {
                    var index = 0;
                    foreach (var field in fields.EnumerateArray())
                    {
                        if (field.ValueKind == JsonValueKind.Object && field.TryGetProperty("type", out var fieldType))
                        {
                            Visit(fieldType, name.Namespace, $"{path}/fields/{index}/type", definitions);
                        }

                        index++;
                    }
                }

                break;
            case "array" when node.TryGetProperty("items", out var items):
                Visit(items, space, path + "/items", definitions);
                break;
            case "map" when node.TryGetProperty("values", out var values):
                Visit(values, space, path + "/values", definitions);
                break;
        }
    }
}
