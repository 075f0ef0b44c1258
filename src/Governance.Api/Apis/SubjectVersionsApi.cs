using Governance.Api.Lineage;
using Governance.Lineage.Recording;
using Governance.Api.Http;
using Governance.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Governance.Api.Apis;

/// <summary>
/// Confluent's SubjectVersionsResource: a subject's versions, registering a new one, reading, deleting, and who
/// references one. <c>{version}</c> is a number, <c>latest</c> or <c>-1</c> (42202 otherwise).
/// </summary>
public static class SubjectVersionsApi
{
    public static IEndpointRouteBuilder MapSubjectVersionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/subjects/{subject}/versions", ListVersionsAsync).WithName("ListVersions");
        routes.MapPost("/subjects/{subject}/versions", RegisterAsync).WithName("RegisterSchema");
        routes.MapGet("/subjects/{subject}/versions/{version}", GetVersionAsync).WithName("GetVersion");
        routes.MapGet("/subjects/{subject}/versions/{version}/schema", GetVersionSchemaAsync).WithName("GetVersionSchemaText");
        routes.MapGet("/subjects/{subject}/versions/{version}/referencedby", GetReferencedByAsync).WithName("GetReferencedBy");
        routes.MapDelete("/subjects/{subject}/versions/{version}", DeleteVersionAsync).WithName("DeleteVersion");
        return routes;
    }

    private static async Task<RegistryResponse> ListVersionsAsync(
        string subject, ISchemaRegistry registry, CancellationToken cancellationToken, QueryFlag deleted, QueryFlag deletedOnly)
    {
        var versions = await registry.ListVersionsAsync(subject, deleted, deletedOnly, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Numbers(versions);
    }

    private static async Task<RegistryResponse> RegisterAsync(string subject, HttpContext context, ISchemaRegistry registry, QueryFlag normalize)
    {
        var submission = SchemaSubmissionReader.Read(await RequestBody.ReadAsync(context).ConfigureAwait(false));
        var registered = await registry.RegisterAsync(subject, submission, normalize, context.RequestAborted).ConfigureAwait(false);
        RegistryTraffic.Record(context, RegistryAccessKind.Registers, subject, registered.Schema.Id);
        return RegistryResponse.Ok(w => RegistryJson.WriteRegistered(w, registered));
    }

    private static async Task<RegistryResponse> GetVersionAsync(
        string subject, string version, ISchemaRegistry registry, SchemaRendering rendering, CancellationToken cancellationToken,
        QueryFlag deleted, string? format)
    {
        var found = await registry.GetVersionAsync(subject, VersionSpec.Parse(version), deleted, cancellationToken).ConfigureAwait(false);
        var text = await rendering.RenderAsync(found.Schema, format, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Ok(w => RegistryJson.WriteSubjectVersion(w, found, text));
    }

    private static async Task<RegistryResponse> GetVersionSchemaAsync(
        string subject, string version, ISchemaRegistry registry, SchemaRendering rendering, CancellationToken cancellationToken,
        QueryFlag deleted, string? format)
    {
        var found = await registry.GetVersionAsync(subject, VersionSpec.Parse(version), deleted, cancellationToken).ConfigureAwait(false);
        var text = await rendering.RenderAsync(found.Schema, format, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.RawText(text ?? found.Schema.Schema);
    }

    private static async Task<RegistryResponse> GetReferencedByAsync(string subject, string version, ISchemaRegistry registry, CancellationToken cancellationToken)
    {
        var ids = await registry.GetReferencedByAsync(subject, VersionSpec.Parse(version), cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Numbers(ids);
    }

    private static async Task<RegistryResponse> DeleteVersionAsync(
        string subject, string version, ISchemaRegistry registry, CancellationToken cancellationToken, QueryFlag permanent)
    {
        var deleted = await registry.DeleteVersionAsync(subject, VersionSpec.Parse(version), permanent, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Number(deleted);
    }
}
