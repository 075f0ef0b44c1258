using System.Text.Json;

namespace Governance.Schemas.Json.Loading;

/// <summary>
/// One JSON document that holds schemas: the schema being parsed, or a referenced schema registered under another subject.
/// Knows its draft, its base URI, and where its embedded <c>$id</c>s and anchors are.
/// </summary>
internal sealed class SchemaDocument
{
    /// <summary>Where relative <c>$id</c>s and <c>$ref</c>s of a document without <c>$id</c> resolve, as in Confluent (<c>mem://input</c>).</summary>
    public static readonly Uri DefaultBaseUri = new("mem://input/");

    private readonly Dictionary<string, string> _anchors = new(StringComparer.Ordinal);
    private readonly List<(Uri Uri, string Pointer)> _resources = [];

    public SchemaDocument(JsonElement root, string? referenceName)
    {
        Root = root;
        ReferenceName = referenceName;
        Draft = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$schema", out var schema)
            && schema.ValueKind == JsonValueKind.String
                ? JsonSchemaDrafts.FromSchemaUrl(schema.GetString())
                : JsonSchemaDrafts.Default;
        // A referenced schema without $id is known by its reference name, resolved like a relative $ref.
        var initialBase = referenceName is not null && Uri.TryCreate(DefaultBaseUri, referenceName, out var named)
            ? named
            : DefaultBaseUri;
        InitialBaseUri = initialBase;
        BaseUri = ApplyId(root, initialBase);
        Index(root, string.Empty, initialBase);
    }

    public JsonElement Root { get; }

    /// <summary>The reference name the document was registered under, or null for the schema being parsed.</summary>
    public string? ReferenceName { get; }

    public JsonSchemaDraft Draft { get; }

    /// <summary>The document's URI once its root <c>$id</c> is applied.</summary>
    public Uri BaseUri { get; }

    /// <summary>The URI the root <c>$id</c> resolves against.</summary>
    public Uri InitialBaseUri { get; }

    /// <summary>The keyword that names a schema resource: <c>id</c> in draft 4, <c>$id</c> after.</summary>
    public string IdKeyword => Draft == JsonSchemaDraft.Draft4 ? "id" : "$id";

    /// <summary>The schemas in this document that declare their own URI (the root included).</summary>
    public IReadOnlyList<(Uri Uri, string Pointer)> Resources => _resources;

    /// <summary>Names a place for an error message: <c>#/properties/a</c>, or <c>'address.json' #/properties/a</c> in a reference.</summary>
    public string Describe(string pointer) =>
        ReferenceName is null ? JsonPointer.ToFragment(pointer) : $"'{ReferenceName}' {JsonPointer.ToFragment(pointer)}";

    /// <summary>
    /// The pointer of a plain-name fragment (<c>$anchor</c>, <c>$dynamicAnchor</c>, or <c>$id: "#name"</c> before 2019-09), if the
    /// document has it.
    /// </summary>
    public string? FindAnchor(string name) => _anchors.GetValueOrDefault(name);

    /// <summary>The base URI a schema at <paramref name="pointer"/> sits in: every enclosing <c>$id</c> applied, not its own.</summary>
    public Uri EnclosingBaseUriAt(string pointer)
    {
        var baseUri = InitialBaseUri;
        var current = Root;
        foreach (var token in JsonPointer.Tokens(pointer))
        {
            baseUri = ApplyId(current, baseUri);
            if (!JsonPointer.TryEvaluate(current, JsonPointer.Append(string.Empty, token), out current))
            {
                break;
            }
        }

        return baseUri;
    }

    /// <summary>The base URI of a schema object: its own <c>$id</c> resolved against the enclosing base, if it has one.</summary>
    public Uri ApplyId(JsonElement schema, Uri enclosingBase)
    {
        if (schema.ValueKind == JsonValueKind.Object
            && schema.TryGetProperty(IdKeyword, out var id)
            && id.ValueKind == JsonValueKind.String
            && id.GetString() is { Length: > 0 } value
            && !value.StartsWith('#')
            && Uri.TryCreate(enclosingBase, value, out var resolved))
        {
            return new Uri(resolved.GetLeftPart(UriPartial.Query));
        }

        return enclosingBase;
    }

    private void Index(JsonElement element, string pointer, Uri enclosingBase)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Index(item, JsonPointer.Append(pointer, i++), enclosingBase);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var baseUri = ApplyId(element, enclosingBase);
        if (pointer.Length == 0 || baseUri != enclosingBase)
        {
            _resources.Add((baseUri, pointer));
        }

        if (element.TryGetProperty(IdKeyword, out var id) && id.ValueKind == JsonValueKind.String
            && id.GetString() is { } idText && idText.StartsWith('#') && idText.Length > 1)
        {
            _anchors.TryAdd(idText[1..], pointer);
        }

        foreach (var keyword in (ReadOnlySpan<string>)["$anchor", "$dynamicAnchor"])
        {
            if (element.TryGetProperty(keyword, out var anchor) && anchor.ValueKind == JsonValueKind.String)
            {
                _anchors.TryAdd(anchor.GetString()!, pointer);
            }
        }

        foreach (var member in element.EnumerateObject())
        {
            if (member.Name is not ("enum" or "const" or "default" or "examples"))
            {
                Index(member.Value, JsonPointer.Append(pointer, member.Name), baseUri);
            }
        }
    }
}
