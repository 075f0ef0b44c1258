using Governance.Api.Http;
using Governance.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Governance.Api.Apis;

/// <summary>
/// Confluent's CompatibilityResource: would this schema be accepted against one version, or against every version the
/// subject's level compares with? Answers <c>{"is_compatible": b}</c>, with <c>messages</c> when <c>verbose</c>.
/// </summary>
public static class CompatibilityApi
{
    public static IEndpointRouteBuilder MapCompatibilityApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(
            "/compatibility/subjects/{subject}/versions/{version}",
            (string subject, string version, HttpContext context, ISchemaRegistry registry, QueryFlag normalize, QueryFlag verbose) =>
                TestAsync(subject, VersionSpec.Parse(version), context, registry, normalize, verbose))
            .WithName("TestCompatibilityWithVersion");
        routes.MapPost(
            "/compatibility/subjects/{subject}/versions",
            (string subject, HttpContext context, ISchemaRegistry registry, QueryFlag normalize, QueryFlag verbose) =>
                TestAsync(subject, null, context, registry, normalize, verbose))
            .WithName("TestCompatibilityWithAllVersions");
        return routes;
    }

    private static async Task<RegistryResponse> TestAsync(
        string subject, VersionSpec? version, HttpContext context, ISchemaRegistry registry, bool normalize, bool verbose)
    {
        var submission = SchemaSubmissionReader.Read(await RequestBody.ReadAsync(context).ConfigureAwait(false));
        var result = await registry.TestCompatibilityAsync(subject, version, submission, normalize, verbose, context.RequestAborted).ConfigureAwait(false);
        return RegistryResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("is_compatible", result.IsCompatible);
            if (verbose)
            {
                w.WriteStartArray("messages");
                foreach (var message in result.Messages)
                {
                    w.WriteStringValue(message);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        });
    }
}
