namespace Governance.Schemas.Json.Loading;

/// <summary>
/// Finds what a <c>$ref</c> points at: a place in the schema itself (<c>#/definitions/a</c>, <c>#/$defs/a</c>, an anchor, an
/// embedded <c>$id</c>) or in a referenced schema registered under another subject, found by the reference name the
/// <c>$ref</c> uses (<c>address.json</c>, <c>address.json#/definitions/street</c>) or by that schema's <c>$id</c>.
/// </summary>
internal sealed class ReferenceResolver
{
    private readonly Dictionary<Uri, (SchemaDocument Document, string Pointer)> _resources = [];
    private readonly Dictionary<string, SchemaDocument> _byName = new(StringComparer.Ordinal);

    public ReferenceResolver(SchemaDocument root, IEnumerable<SchemaDocument> references)
    {
        foreach (var reference in references)
        {
            var name = reference.ReferenceName!;
            _byName.TryAdd(name, reference);
            AddResources(reference);
            foreach (var baseUri in (ReadOnlySpan<Uri>)[SchemaDocument.DefaultBaseUri, root.BaseUri])
            {
                if (Uri.TryCreate(baseUri, name, out var uri))
                {
                    _resources.TryAdd(uri, (reference, string.Empty));
                }
            }
        }

        // The schema's own resources win over a reference that claims the same URI.
        foreach (var (uri, pointer) in root.Resources)
        {
            _resources[uri] = (root, pointer);
        }
    }

    /// <summary>The document and pointer <paramref name="reference"/> points at, or null when nothing known has that URI.</summary>
    public (SchemaDocument Document, string Pointer)? Resolve(string reference, Uri baseUri)
    {
        var hashAt = reference.IndexOf('#', StringComparison.Ordinal);
        var resourcePart = hashAt < 0 ? reference : reference[..hashAt];
        var fragment = hashAt < 0 ? string.Empty : Uri.UnescapeDataString(reference[(hashAt + 1)..]);

        (SchemaDocument Document, string Pointer) resource;
        if (_byName.TryGetValue(resourcePart, out var named) && resourcePart.Length > 0)
        {
            resource = (named, string.Empty);
        }
        else if (Uri.TryCreate(baseUri, resourcePart, out var uri) && _resources.TryGetValue(new Uri(uri.GetLeftPart(UriPartial.Query)), out var found))
        {
            resource = found;
        }
        else
        {
            return null;
        }

        if (fragment.Length == 0)
        {
            return resource;
        }

        if (fragment.StartsWith('/'))
        {
            return (resource.Document, resource.Pointer + fragment);
        }

        return resource.Document.FindAnchor(fragment) is { } anchored ? (resource.Document, anchored) : null;
    }

    private void AddResources(SchemaDocument document)
    {
        foreach (var (uri, pointer) in document.Resources)
        {
            _resources.TryAdd(uri, (document, pointer));
        }
    }
}
