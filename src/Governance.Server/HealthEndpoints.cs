using Governance.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Server;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers a query on the registry's
/// tables (<see cref="DatabaseReadiness"/>); 503 with the reason otherwise.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        });
        return routes;
    }

    /// <summary>The overall status, and for an unhealthy check why, as plain text.</summary>
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var reasons = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}");
        return context.Response.WriteAsync(string.Join('\n', [report.Status.ToString(), .. reasons]));
    }

    private sealed class DatabaseHealthCheck(DatabaseReadiness readiness) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var problem = await readiness.CheckAsync(cancellationToken).ConfigureAwait(false);
            return problem is null ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(problem);
        }
    }
}
