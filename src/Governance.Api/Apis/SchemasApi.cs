using Governance.Api.Lineage;
using Governance.Lineage.Recording;
using Governance.Api.Http;
using Governance.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Governance.Api.Apis;

/// <summary>Confluent's SchemasResource: schemas by global id, and where each id is registered.</summary>
public static class SchemasApi
{
    public static IEndpointRouteBuilder MapSchemasApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/schemas", ListSchemasAsync).WithName("ListSchemas");
        routes.MapGet("/schemas/ids/{id:int}", GetSchemaAsync).WithName("GetSchemaById");
        routes.MapGet("/schemas/ids/{id:int}/schema", GetSchemaTextAsync).WithName("GetSchemaTextById");
        routes.MapGet("/schemas/ids/{id:int}/subjects", GetSubjectsAsync).WithName("GetSubjectsForId");
        routes.MapGet("/schemas/ids/{id:int}/versions", GetVersionsAsync).WithName("GetVersionsForId");
        return routes;
    }

    private static async Task<RegistryResponse> ListSchemasAsync(
        ISchemaRegistry registry, CancellationToken cancellationToken, string? subjectPrefix, QueryFlag deleted, QueryFlag latestOnly)
    {
        var schemas = await registry.ListSchemasAsync(subjectPrefix, deleted, latestOnly, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var schema in schemas)
            {
                RegistryJson.WriteSubjectVersion(w, schema);
            }

            w.WriteEndArray();
        });
    }

    private static async Task<RegistryResponse> GetSchemaAsync(
        int id, HttpContext context, ISchemaRegistry registry, SchemaRendering rendering, CancellationToken cancellationToken, string? subject, string? format)
    {
        var schema = await registry.GetSchemaByIdAsync(id, subject, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(subject))
        {
            RegistryTraffic.Record(context, RegistryAccessKind.LooksUp, subject, id);
        }

        var text = await rendering.RenderAsync(schema, format, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Ok(w => RegistryJson.WriteSchemaString(w, schema, text));
    }

    private static async Task<RegistryResponse> GetSchemaTextAsync(
        int id, ISchemaRegistry registry, SchemaRendering rendering, CancellationToken cancellationToken, string? subject, string? format)
    {
        var schema = await registry.GetSchemaByIdAsync(id, subject, cancellationToken).ConfigureAwait(false);
        var text = await rendering.RenderAsync(schema, format, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.RawText(text ?? schema.Schema);
    }

    private static async Task<RegistryResponse> GetSubjectsAsync(
        int id, ISchemaRegistry registry, CancellationToken cancellationToken, string? subject, QueryFlag deleted)
    {
        var subjects = await registry.GetSubjectsForIdAsync(id, subject, deleted, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Strings(subjects);
    }

    private static async Task<RegistryResponse> GetVersionsAsync(
        int id, ISchemaRegistry registry, CancellationToken cancellationToken, string? subject, QueryFlag deleted)
    {
        var versions = await registry.GetVersionsForIdAsync(id, subject, deleted, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var (subjectName, version) in versions)
            {
                w.WriteStartObject();
                w.WriteString("subject", subjectName);
                w.WriteNumber("version", version);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }
}
