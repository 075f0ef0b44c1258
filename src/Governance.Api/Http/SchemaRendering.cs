using Governance.Registry;
using Governance.Schemas;

namespace Governance.Api.Http;

/// <summary>
/// The <c>format</c> query parameter of the read endpoints: renders a stored schema in another of its format's forms
/// (for example <c>resolved</c> for Avro, <c>serialized</c> for Protobuf). A format the schema type does not offer
/// leaves the stored text unchanged, as Confluent does.
/// </summary>
public sealed class SchemaRendering(ISchemaRegistry registry, SchemaFormats formats)
{
    /// <summary>The text to answer with, or null to answer the stored text.</summary>
    public async Task<string?> RenderAsync(RegisteredSchema schema, string? format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (string.IsNullOrEmpty(format) || formats.Find(schema.SchemaType) is not { } schemaFormat)
        {
            return null;
        }

        var references = new List<SchemaReferenceContent>();
        await ResolveAsync(schema.References, references, new HashSet<(string, int)>(), cancellationToken).ConfigureAwait(false);
        return schemaFormat.Parse(schema.Schema, references).FormatAs(format);
    }

    /// <summary>Every referenced schema, transitively, each once, dependencies before the schemas that use them.</summary>
    private async Task ResolveAsync(IReadOnlyList<SchemaReference> references, List<SchemaReferenceContent> resolved, HashSet<(string, int)> seen, CancellationToken cancellationToken)
    {
        foreach (var reference in references)
        {
            if (!seen.Add((reference.Subject, reference.Version)))
            {
                continue;
            }

            var target = await registry.GetVersionAsync(reference.Subject, new VersionSpec(reference.Version), deleted: true, cancellationToken).ConfigureAwait(false);
            await ResolveAsync(target.Schema.References, resolved, seen, cancellationToken).ConfigureAwait(false);
            resolved.Add(new SchemaReferenceContent(reference.Name, target.Schema.Schema));
        }
    }
}
