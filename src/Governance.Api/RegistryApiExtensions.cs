using Governance.Api.Apis;
using Governance.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api;

/// <summary>How a host adds the Confluent-compatible registry API: services, the error middleware, the endpoints.</summary>
public static class RegistryApiExtensions
{
    /// <summary>The API's own services; the host registers <see cref="Registry.ISchemaRegistry"/> and <see cref="Schemas.SchemaFormats"/>.</summary>
    public static IServiceCollection AddRegistryApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RegistryApiOptions>(configuration.GetSection(RegistryApiOptions.SectionName));
        services.AddSingleton<SchemaRendering>();
        return services;
    }

    /// <summary>Confluent's error bodies for everything after it in the pipeline, unknown routes included. Add it early.</summary>
    public static IApplicationBuilder UseRegistryErrors(this IApplicationBuilder app) => app.UseMiddleware<RegistryErrorMiddleware>();

    public static RouteGroupBuilder MapRegistryApi(this IEndpointRouteBuilder routes)
    {
        var registry = routes.MapGroup(string.Empty).WithTags("Schema Registry");
        registry.AddEndpointFilterFactory(RegistryEndpointFilter.Create);
        registry.MapRootApi();
        registry.MapSubjectsApi();
        registry.MapSubjectVersionsApi();
        registry.MapSchemasApi();
        registry.MapConfigApi();
        registry.MapModeApi();
        registry.MapCompatibilityApi();
        registry.MapGovernanceApi();
        return registry;
    }
}
