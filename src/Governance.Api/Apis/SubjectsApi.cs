using Governance.Api.Lineage;
using Governance.Lineage.Recording;
using Governance.Api.Http;
using Governance.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Governance.Api.Apis;

/// <summary>Confluent's SubjectsResource: list subjects, look a schema up under a subject, delete a subject.</summary>
public static class SubjectsApi
{
    public static IEndpointRouteBuilder MapSubjectsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/subjects", ListSubjectsAsync).WithName("ListSubjects");
        routes.MapPost("/subjects/{subject}", LookUpSchemaAsync).WithName("LookUpSchemaUnderSubject");
        routes.MapDelete("/subjects/{subject}", DeleteSubjectAsync).WithName("DeleteSubject");
        return routes;
    }

    private static async Task<RegistryResponse> ListSubjectsAsync(
        ISchemaRegistry registry, CancellationToken cancellationToken, string? subjectPrefix, QueryFlag deleted, QueryFlag deletedOnly)
    {
        var subjects = await registry.ListSubjectsAsync(subjectPrefix, deleted, deletedOnly, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Strings(subjects);
    }

    private static async Task<RegistryResponse> LookUpSchemaAsync(
        string subject, HttpContext context, ISchemaRegistry registry, QueryFlag normalize, QueryFlag deleted)
    {
        var submission = SchemaSubmissionReader.Read(await RequestBody.ReadAsync(context).ConfigureAwait(false));
        var found = await registry.LookUpSchemaAsync(subject, submission, normalize, deleted, context.RequestAborted).ConfigureAwait(false);
        RegistryTraffic.Record(context, RegistryAccessKind.LooksUp, subject, found.Schema.Id);
        return RegistryResponse.Ok(w => RegistryJson.WriteSubjectVersion(w, found));
    }

    private static async Task<RegistryResponse> DeleteSubjectAsync(
        string subject, ISchemaRegistry registry, CancellationToken cancellationToken, QueryFlag permanent)
    {
        var versions = await registry.DeleteSubjectAsync(subject, permanent, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Numbers(versions);
    }
}
