using System.Text.Json;
using Governance.Api.Http;
using Governance.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Governance.Api.Apis;

/// <summary>
/// Confluent's ConfigResource: the compatibility configuration, globally and per subject. PUT takes
/// <c>compatibility</c> and echoes the request; GET and DELETE answer <c>compatibilityLevel</c> (the .NET client
/// depends on both names).
/// </summary>
public static class ConfigApi
{
    public static IEndpointRouteBuilder MapConfigApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/config", (ISchemaRegistry registry, CancellationToken ct) => GetAsync(null, registry, ct, default)).WithName("GetGlobalConfig");
        routes.MapPut("/config", (HttpContext context, ISchemaRegistry registry) => SetAsync(null, context, registry)).WithName("SetGlobalConfig");
        routes.MapDelete("/config", (ISchemaRegistry registry, CancellationToken ct) => DeleteAsync(null, registry, ct)).WithName("DeleteGlobalConfig");
        routes.MapGet("/config/{subject}", GetAsync).WithName("GetSubjectConfig");
        routes.MapPut("/config/{subject}", SetAsync).WithName("SetSubjectConfig");
        routes.MapDelete("/config/{subject}", DeleteAsync).WithName("DeleteSubjectConfig");
        return routes;
    }

    private static async Task<RegistryResponse> GetAsync(string? subject, ISchemaRegistry registry, CancellationToken cancellationToken, QueryFlag defaultToGlobal)
    {
        var config = await registry.GetConfigAsync(subject, defaultToGlobal, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Ok(w => Write(w, config, "compatibilityLevel"));
    }

    private static async Task<RegistryResponse> SetAsync(string? subject, HttpContext context, ISchemaRegistry registry)
    {
        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        var level = body.String("compatibility") is { } name ? RegistryNames.ParseCompatibilityLevel(name) : (CompatibilityLevel?)null;
        var requested = new RegistryConfig(level, body.Boolean("normalize"), body.String("compatibilityGroup"), body.Boolean("validateFields"), body.String("alias"));
        await registry.SetConfigAsync(subject, requested, context.RequestAborted).ConfigureAwait(false);
        return RegistryResponse.Ok(w => Write(w, requested, "compatibility"));
    }

    private static async Task<RegistryResponse> DeleteAsync(string? subject, ISchemaRegistry registry, CancellationToken cancellationToken)
    {
        var previous = await registry.DeleteConfigAsync(subject, cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Ok(w => Write(w, previous, "compatibilityLevel"));
    }

    /// <summary>A configuration, leaving out what is not set at this level.</summary>
    private static void Write(Utf8JsonWriter writer, RegistryConfig config, string levelField)
    {
        writer.WriteStartObject();
        if (config.Compatibility is { } level)
        {
            writer.WriteString(levelField, RegistryNames.Name(level));
        }

        if (config.Normalize is { } normalize)
        {
            writer.WriteBoolean("normalize", normalize);
        }

        if (config.CompatibilityGroup is { } group)
        {
            writer.WriteString("compatibilityGroup", group);
        }

        if (config.ValidateFields is { } validateFields)
        {
            writer.WriteBoolean("validateFields", validateFields);
        }

        if (config.Alias is { } alias)
        {
            writer.WriteString("alias", alias);
        }

        writer.WriteEndObject();
    }
}
