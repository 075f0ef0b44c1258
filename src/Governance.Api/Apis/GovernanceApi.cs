using Governance.Api.Http;
using Governance.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Governance.Api.Apis;

/// <summary>Governance's own additions beside the Confluent API: the semantic diff between two versions of a subject.</summary>
public static class GovernanceApi
{
    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/subjects/{subject}/diff", DiffAsync).WithName("DiffVersions");
        return routes;
    }

    /// <summary><c>?from=1&amp;to=3</c>: <c>from</c> is required, <c>to</c> defaults to the latest version.</summary>
    private static async Task<RegistryResponse> DiffAsync(string subject, ISchemaRegistry registry, CancellationToken cancellationToken, string? from, string? to)
    {
        if (from is null)
        {
            throw new RegistryException(RegistryErrorCode.InvalidVersion, "The query parameter 'from' is required: the version to compare from (a number or \"latest\")");
        }

        var diff = await registry.DiffAsync(subject, VersionSpec.Parse(from), to is null ? VersionSpec.Latest : VersionSpec.Parse(to), cancellationToken).ConfigureAwait(false);
        return RegistryResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("subject", diff.Subject);
            w.WriteNumber("fromVersion", diff.FromVersion);
            w.WriteNumber("toVersion", diff.ToVersion);
            w.WriteString("schemaType", diff.SchemaType);
            w.WriteStartArray("changes");
            foreach (var change in diff.Changes)
            {
                w.WriteStartObject();
                w.WriteString("kind", change.Kind);
                w.WriteString("path", change.Path);
                w.WriteString("description", change.Description);
                w.WriteBoolean("breaksBackward", change.BreaksBackward);
                w.WriteBoolean("breaksForward", change.BreaksForward);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
