using Governance.Lineage.Recording;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Lineage;

/// <summary>
/// Tells lineage which client registered or looked up which subject and schema id, when lineage is composed in. The
/// client is the authenticated user when there is one, otherwise the user agent's product (e.g.
/// "Confluent.SchemaRegistry") at the caller's address, which is how serializers are told apart without a client id.
/// </summary>
internal static class RegistryTraffic
{
    public static void Record(HttpContext context, RegistryAccessKind kind, string subject, int? schemaId)
    {
        if (context.RequestServices.GetService<LineageRecorder>() is not { } recorder)
        {
            return;
        }

        var address = context.Connection.RemoteIpAddress?.ToString();
        var userAgent = context.Request.Headers.UserAgent.ToString();
        var principal = context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;
        var product = userAgent.Split([' ', '/'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "http";
        var clientId = principal ?? $"{product}@{address ?? "unknown"}";
        recorder.OnRegistryAccess(new RegistryAccess(
            clientId, address, userAgent.Length == 0 ? null : userAgent, principal, kind, subject, schemaId, (context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow()));
    }
}
