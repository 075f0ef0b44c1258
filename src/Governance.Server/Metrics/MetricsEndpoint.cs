using Governance.Registry;

namespace Governance.Server.Metrics;

/// <summary><c>GET /metrics</c>: this host's metrics in Prometheus text format.</summary>
public static class MetricsEndpoint
{
    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<RegistryGauges>();
        return services;
    }

    public static IEndpointRouteBuilder MapPrometheusMetrics(this IEndpointRouteBuilder routes)
    {
        // Resolve now, so the listener sees every request from the first one on.
        _ = routes.ServiceProvider.GetRequiredService<PrometheusExporter>();
        _ = routes.ServiceProvider.GetRequiredService<RegistryGauges>();
        routes.MapGet("/metrics", async (PrometheusExporter exporter, RegistryGauges gauges, ISchemaRegistry registry, CancellationToken cancellationToken) =>
        {
            await gauges.RefreshAsync(registry, cancellationToken).ConfigureAwait(false);
            return Results.Text(exporter.Export(), PrometheusExporter.ContentType);
        }).WithName("GetMetrics").ExcludeFromDescription();
        return routes;
    }
}
