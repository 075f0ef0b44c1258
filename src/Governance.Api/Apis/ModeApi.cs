using Governance.Api.Http;
using Governance.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Governance.Api.Apis;

/// <summary>Confluent's ModeResource: READWRITE, READONLY, READONLY_OVERRIDE or IMPORT, globally and per subject.</summary>
public static class ModeApi
{
    public static IEndpointRouteBuilder MapModeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/mode", (ISchemaRegistry registry, CancellationToken ct) => GetAsync(null, registry, ct, default)).WithName("GetGlobalMode");
        routes.MapPut("/mode", (HttpContext context, ISchemaRegistry registry, QueryFlag force) => SetAsync(null, context, registry, force)).WithName("SetGlobalMode");
        routes.MapDelete("/mode", (ISchemaRegistry registry, CancellationToken ct) => DeleteAsync(null, registry, ct)).WithName("DeleteGlobalMode");
        routes.MapGet("/mode/{subject}", GetAsync).WithName("GetSubjectMode");
        routes.MapPut("/mode/{subject}", SetAsync).WithName("SetSubjectMode");
        routes.MapDelete("/mode/{subject}", DeleteAsync).WithName("DeleteSubjectMode");
        return routes;
    }

    private static async Task<RegistryResponse> GetAsync(string? subject, ISchemaRegistry registry, CancellationToken cancellationToken, QueryFlag defaultToGlobal)
    {
        var mode = await registry.GetModeAsync(subject, defaultToGlobal, cancellationToken).ConfigureAwait(false);
        return Answer(mode);
    }

    private static async Task<RegistryResponse> SetAsync(string? subject, HttpContext context, ISchemaRegistry registry, QueryFlag force)
    {
        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        var mode = await registry.SetModeAsync(subject, RegistryNames.ParseMode(body.String("mode")), force, context.RequestAborted).ConfigureAwait(false);
        return Answer(mode);
    }

    private static async Task<RegistryResponse> DeleteAsync(string? subject, ISchemaRegistry registry, CancellationToken cancellationToken)
    {
        var previous = await registry.DeleteModeAsync(subject, cancellationToken).ConfigureAwait(false);
        return Answer(previous);
    }

    private static RegistryResponse Answer(RegistryMode mode) => RegistryResponse.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("mode", RegistryNames.Name(mode));
        w.WriteEndObject();
    });
}
