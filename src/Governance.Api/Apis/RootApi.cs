using System.Reflection;
using Governance.Api.Http;
using Governance.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Governance.Api.Apis;

/// <summary>Confluent's RootResource and ServerMetadataResource: liveness, schema types, server metadata.</summary>
public static class RootApi
{
    public static IEndpointRouteBuilder MapRootApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", RegistryResponse.EmptyObject).WithName("GetRoot");
        routes.MapPost("/", RegistryResponse.EmptyObject).WithName("PostRoot");
        routes.MapGet("/schemas/types", (ISchemaRegistry registry) => RegistryResponse.Strings(registry.SchemaTypes)).WithName("GetSchemaTypes");
        routes.MapGet("/v1/metadata/id", GetClusterId).WithName("GetClusterId");
        routes.MapGet("/v1/metadata/version", GetVersion).WithName("GetServerVersion");
        return routes;
    }

    /// <summary>Confluent's <c>ServerClusterId</c>; there is no Kafka cluster behind this registry's storage.</summary>
    private static RegistryResponse GetClusterId(IOptions<RegistryApiOptions> options) => RegistryResponse.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", string.Empty);
        w.WriteStartObject("scope");
        w.WriteStartArray("path");
        w.WriteEndArray();
        w.WriteStartObject("clusters");
        w.WriteString("schema-registry-cluster", options.Value.ClusterId);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static RegistryResponse GetVersion()
    {
        var assembly = typeof(RootApi).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return RegistryResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("version", plus < 0 ? version : version[..plus]);
            w.WriteString("commitId", plus < 0 ? string.Empty : version[(plus + 1)..]);
            w.WriteEndObject();
        });
    }
}
